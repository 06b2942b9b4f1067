package org.ecabinet.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.ecabinet.platform.FailureThrottle;
import org.ecabinet.platform.InvalidInput;
import org.ecabinet.platform.TooManyAttempts;
import org.ecabinet.platform.web.ProblemHandling;
import org.ecabinet.platform.web.RequestOrigin;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@RequestMapping("/api")
class AuthController {

    private final Agencies agencies;
    private final Users users;
    private final PasswordEncoder passwords;
    private final TokenService tokens;
    private final FailureThrottle throttle;
    private final PasswordChanges passwordChanges;
    /** Checked when the user name is unknown or disabled, so that such a name costs the same time as a wrong password. */
    private final String unknownUserHash;

    AuthController(Users users, Agencies agencies, PasswordEncoder passwords, TokenService tokens, SecurityProperties properties,
                   java.time.Clock clock, PasswordChanges passwordChanges) {
        this.users = users;
        this.passwordChanges = passwordChanges;
        this.agencies = agencies;
        this.passwords = passwords;
        this.tokens = tokens;
        this.throttle = new FailureThrottle(new FailureThrottle.Limits(properties.freeFailedLogins(), properties.firstDelay(),
                properties.maxDelay(), properties.failureWindow(), properties.accountWideFailures()), clock);
        this.unknownUserHash = passwords.encode(java.util.UUID.randomUUID().toString());
    }

    record Credentials(@NotBlank @Size(max = 100) String username, @NotBlank @Size(max = 200) String password) {
    }

    /** {@code mustChangePassword}: an administrator set the password; the token serves only to choose a new one. */
    record TokenResponse(String token, Instant expiresAt, CabinetUser.PublicProfile user, boolean mustChangePassword) {
    }

    record PasswordChange(@NotBlank @Size(max = 200) String currentPassword,
                          @NotBlank @Size(min = org.ecabinet.identity.Credentials.MIN_PASSWORD_LENGTH, max = 200) String newPassword) {
    }

    /** Who the signed-in user is, and whether they must choose their own password first. */
    record Me(String id, String displayName, String title, java.util.Set<org.ecabinet.events.account.Role> roles, String organisationCode,
              boolean mustChangePassword) {
        static Me of(CabinetUser user) {
            return new Me(user.id(), user.displayName(), user.title(), user.roles(), user.organisationCode(), user.mustChangePassword());
        }
    }

    @PostMapping(path = "/auth/token", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Object>> token(@Valid @RequestBody Credentials credentials, ServerWebExchange exchange) {
        String address = RequestOrigin.address(exchange);
        // bcrypt is deliberately slow: keep it off the event loop.
        return Mono.fromCallable(() -> authenticate(credentials, address)).subscribeOn(Schedulers.boundedElastic());
    }

    private ResponseEntity<Object> authenticate(Credentials credentials, String address) {
        throttle.waitFor(credentials.username(), address).ifPresent(wait -> {
            throw new TooManyAttempts("Too many failed sign-ins.", wait);
        });
        var candidate = users.find(credentials.username()).filter(CabinetUser::enabled);
        boolean matches = passwords.matches(credentials.password(), candidate.map(CabinetUser::passwordHash).orElse(unknownUserHash));
        var user = candidate.filter(u -> matches);
        if (user.isEmpty()) {
            throttle.failed(credentials.username(), address);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(ProblemHandling.problem(HttpStatus.UNAUTHORIZED, "sign-in-failed", "Sign-in failed", "Wrong user name or password."));
        }
        throttle.succeeded(credentials.username(), address);
        TokenService.IssuedToken issued = tokens.issue(user.get());
        return ResponseEntity.ok(new TokenResponse(issued.token(), issued.expiresAt(), user.get().profile(), user.get().mustChangePassword()));
    }

    @GetMapping("/auth/me")
    Mono<Me> me(@AuthenticationPrincipal Jwt jwt) {
        return Mono.fromCallable(() -> Me.of(users.find(jwt.getSubject()).orElseThrow()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The user chooses their own password (required after an administrator set one); recorded on their account. */
    @PostMapping(path = "/auth/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Void>> changePassword(@Valid @RequestBody PasswordChange change, @AuthenticationPrincipal Jwt jwt,
                                              ServerWebExchange exchange) {
        String address = RequestOrigin.address(exchange);
        return Mono.fromCallable(() -> {
                    CabinetUser user = users.find(jwt.getSubject()).orElseThrow();
                    throttle.waitFor(user.id(), address).ifPresent(wait -> {
                        throw new TooManyAttempts("Too many failed attempts.", wait);
                    });
                    if (!passwords.matches(change.currentPassword(), user.passwordHash())) {
                        throttle.failed(user.id(), address);
                        throw new InvalidInput("currentPassword", "password.wrong", "The current password is wrong.");
                    }
                    if (change.newPassword().equals(change.currentPassword())) {
                        throw new InvalidInput("newPassword", "password.unchanged", "The new password must differ from the current one.");
                    }
                    throttle.succeeded(user.id(), address);
                    return user;
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(user -> passwordChanges.changed(user.id(), passwords.encode(change.newPassword()), exchange))
                .thenReturn(ResponseEntity.noContent().<Void>build());
    }

    /** The organisations that exchange documents, by their code on the axis. */
    @GetMapping("/agencies")
    Mono<List<Agencies.Agency>> agencies() {
        return Mono.just(agencies.all());
    }

    /** Names and titles of everyone, so that screens can show who is who. */
    @GetMapping("/directory")
    Mono<List<CabinetUser.PublicProfile>> directory() {
        return Mono.fromCallable(() -> users.all().stream().map(CabinetUser::profile).toList())
                .subscribeOn(Schedulers.boundedElastic());
    }
}
