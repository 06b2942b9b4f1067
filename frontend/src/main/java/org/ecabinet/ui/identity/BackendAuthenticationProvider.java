package org.ecabinet.ui.identity;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.ecabinet.ui.BackendApi;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Signs in against the backend ({@code POST /api/auth/token}); the frontend never sees a password hash.
 * The token the backend returns becomes part of the principal and goes with every API call.
 */
@Component
class BackendAuthenticationProvider implements AuthenticationProvider {

    private final BackendApi api;

    BackendAuthenticationProvider(BackendApi api) {
        this.api = api;
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = authentication.getName();
        String password = String.valueOf(authentication.getCredentials());
        JsonNode issued;
        try {
            issued = api.anonymous().post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("username", username, "password", password))
                    .retrieve()
                    .bodyToMono(JsonNode.class).block(java.time.Duration.ofSeconds(30));
        } catch (BackendApi.BackendException e) {
            if (e.status().value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
                throw new LockedException(e.getMessage());
            }
            if (e.status().is4xxClientError()) {
                throw new BadCredentialsException(e.getMessage());
            }
            throw new AuthenticationServiceException("The backend is not answering.", e);
        } catch (RuntimeException e) {
            throw new AuthenticationServiceException("The backend is not answering.", e);
        }
        JsonNode user = issued.get("user");
        Set<String> roles = new HashSet<>();
        user.get("roles").forEach(r -> roles.add(r.asText()));
        SignedInUser principal = new SignedInUser(user.get("id").asText(), user.get("displayName").asText(),
                user.path("title").asText(""), Set.copyOf(roles), user.path("organisationCode").asText(null), issued.get("token").asText(),
                issued.path("mustChangePassword").asBoolean(false));
        // Until they chose their own password, the backend refuses them everything else: so do the views.
        return UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.mustChangePassword()
                ? java.util.List.of(new SimpleGrantedAuthority("ROLE_" + ChangePasswordView.PENDING))
                : roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
