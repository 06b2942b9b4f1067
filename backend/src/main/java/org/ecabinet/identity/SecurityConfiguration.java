package org.ecabinet.identity;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.ecabinet.platform.web.ProblemHandling;
import org.ecabinet.platform.web.ProblemWriter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;


import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Every API call carries a JWT issued by {@code POST /api/auth/token}; its user must exist and be enabled in
 * the user store, whose roles become authorities {@code ROLE_x}; what a role may do to which resource is
 * decided in each feature.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
class SecurityConfiguration {

    /** The only authority of a user who must choose their own password before anything else. */
    static final String PASSWORD_CHANGE_REQUIRED = "PASSWORD_CHANGE_REQUIRED";

    @Bean
    SecurityWebFilterChain api(ServerHttpSecurity http, TokenService tokens, ActiveUsers users, ProblemWriter problems) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchange -> exchange
                        .pathMatchers(HttpMethod.POST, "/api/auth/token").permitAll()
                        // Packages from other systems on the axis are trusted for their XML-DSig seal, not for a sign-in.
                        .pathMatchers(HttpMethod.POST, "/api/axis/packages").permitAll()
                        // Roots are public by nature: whoever holds a signed document checks it against them.
                        .pathMatchers(HttpMethod.GET, "/api/signing/trust-anchors.pem").permitAll()
                        // A user whose password an administrator set may only read who they are and choose their own.
                        .pathMatchers(HttpMethod.GET, "/api/auth/me").authenticated()
                        .pathMatchers(HttpMethod.POST, "/api/auth/password").authenticated()
                        .pathMatchers("/api/docs/**", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/webjars/swagger-ui/**", "/actuator/health/**").permitAll()
                        .anyExchange().access((authentication, context) -> authentication
                                .map(a -> new AuthorizationDecision(a.isAuthenticated() && !mustChangePassword(a)))
                                .defaultIfEmpty(new AuthorizationDecision(false))))
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .bearerTokenConverter(acceptedBearerTokens(tokens, users))
                        .jwt(jwt -> jwt.jwtDecoder(tokens.decoder()).jwtAuthenticationConverter(token -> authentication(token, users)))
                        .authenticationEntryPoint((exchange, e) -> writeProblem(exchange, problems, HttpStatus.UNAUTHORIZED,
                                "Unauthenticated", "Sign in first: send a valid bearer token.")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, e) -> writeProblem(exchange, problems, HttpStatus.UNAUTHORIZED,
                                "Unauthenticated", "Sign in first: send a valid bearer token."))
                        .accessDeniedHandler((exchange, e) -> exchange.getPrincipal()
                                .filter(p -> p instanceof JwtAuthenticationToken t && mustChangePassword(t))
                                .flatMap(p -> problems.write(exchange, ProblemHandling.problem(HttpStatus.FORBIDDEN, "password.change-required",
                                        "Password change required", "Choose your own password first (POST /api/auth/password).")))
                                .switchIfEmpty(Mono.defer(() -> writeProblem(exchange, problems, HttpStatus.FORBIDDEN,
                                        "Forbidden", "Your role does not allow this.")))))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Only a bearer token that verifies and names an enabled user is passed on to authentication; any other is
     * treated as no token at all, so the request is refused (401) by the exception handling like an anonymous
     * one. Refused there, rather than by the resource server's failure handler, because after that handler had
     * answered, the next request on the same kept-alive connection went unanswered about one time in ten
     * (reproduced with plain keep-alive clients: the "alg: none" stall of the independent test).
     */
    private static ServerAuthenticationConverter acceptedBearerTokens(TokenService tokens, ActiveUsers users) {
        ServerBearerTokenAuthenticationConverter bearer = new ServerBearerTokenAuthenticationConverter();
        ReactiveJwtDecoder decoder = tokens.decoder();
        return exchange -> bearer.convert(exchange)
                .onErrorResume(AuthenticationException.class, malformed -> Mono.empty())
                .filterWhen(token -> decoder.decode(((BearerTokenAuthenticationToken) token).getToken())
                        .flatMap(jwt -> Mono.fromCallable(() -> users.find(jwt.getSubject()).isPresent()).subscribeOn(Schedulers.boundedElastic()))
                        .onErrorReturn(false));
    }

    /**
     * The token says who signed in; the user store says whether they still may and with which roles. The
     * principal is the token with its name, roles and organisation replaced by the store's, so every
     * {@link Actor} read from it speaks for the store.
     */
    private static Mono<AbstractAuthenticationToken> authentication(Jwt jwt, ActiveUsers users) {
        return Mono.fromCallable(() -> users.find(jwt.getSubject()))
                .subscribeOn(Schedulers.boundedElastic())
                .map(found -> found.orElseThrow(() -> new InvalidBearerTokenException("The token's user does not exist or is disabled.")))
                .map(user -> {
                    Jwt current = Jwt.withTokenValue(jwt.getTokenValue()).headers(h -> h.putAll(jwt.getHeaders()))
                            .claims(c -> {
                                c.putAll(jwt.getClaims());
                                c.putAll(TokenService.claimsOf(user));
                            }).build();
                    Collection<GrantedAuthority> authorities = user.mustChangePassword()
                            ? List.of(new SimpleGrantedAuthority(PASSWORD_CHANGE_REQUIRED))
                            : user.roles().stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
                    return new JwtAuthenticationToken(current, authorities, user.id());
                });
    }

    private static boolean mustChangePassword(org.springframework.security.core.Authentication authentication) {
        return authentication.getAuthorities().stream().anyMatch(g -> PASSWORD_CHANGE_REQUIRED.equals(g.getAuthority()));
    }

    private static Mono<Void> writeProblem(ServerWebExchange exchange, ProblemWriter problems, HttpStatus status, String title, String detail) {
        return problems.write(exchange, ProblemHandling.problem(status, ProblemHandling.codeOf(status), title, detail));
    }
}
