package org.ecabinet.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.ecabinet.platform.web.ProblemHandling;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;

import com.fasterxml.jackson.databind.ObjectMapper;

import reactor.core.publisher.Mono;

/**
 * Every API call carries a JWT issued by {@code POST /api/auth/token}. Roles become authorities
 * {@code ROLE_x}; what a role may do to which resource is decided in each feature.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
class SecurityConfiguration {

    @Bean
    SecurityWebFilterChain api(ServerHttpSecurity http, TokenService tokens, ObjectMapper json) {
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(exchange -> exchange
                        .pathMatchers(HttpMethod.POST, "/api/auth/token").permitAll()
                        // Packages from other systems on the axis are trusted for their XML-DSig seal, not for a sign-in.
                        .pathMatchers(HttpMethod.POST, "/api/axis/packages").permitAll()
                        .pathMatchers("/api/docs/**", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**",
                                "/webjars/swagger-ui/**", "/actuator/health/**").permitAll()
                        .anyExchange().authenticated())
                .oauth2ResourceServer(resourceServer -> resourceServer
                        .jwt(jwt -> jwt.jwtDecoder(tokens.decoder()).jwtAuthenticationConverter(SecurityConfiguration::authentication))
                        .authenticationEntryPoint((exchange, e) -> writeProblem(exchange, json, HttpStatus.UNAUTHORIZED,
                                "Unauthenticated", "Sign in first: send a valid bearer token.")))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint((exchange, e) -> writeProblem(exchange, json, HttpStatus.UNAUTHORIZED,
                                "Unauthenticated", "Sign in first: send a valid bearer token."))
                        .accessDeniedHandler((exchange, e) -> writeProblem(exchange, json, HttpStatus.FORBIDDEN,
                                "Forbidden", "Your role does not allow this.")))
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

    private static Mono<AbstractAuthenticationToken> authentication(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(TokenService.ROLES_CLAIM);
        Collection<GrantedAuthority> authorities = roles == null ? List.of()
                : roles.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
        return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
    }

    private static Mono<Void> writeProblem(ServerWebExchange exchange, ObjectMapper json, HttpStatus status, String title, String detail) {
        var response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED) {
            response.getHeaders().set("WWW-Authenticate", "Bearer");
        }
        var problem = ProblemHandling.problem(status, title, detail);
        problem.setInstance(java.net.URI.create(exchange.getRequest().getPath().value()));
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(problem);
        } catch (Exception e) {
            bytes = ("{\"status\":" + status.value() + "}").getBytes(StandardCharsets.UTF_8);
        }
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }
}
