package org.ecabinet.administration;

import java.util.List;
import java.util.concurrent.Callable;

import org.ecabinet.events.account.CertificateFacts;
import org.ecabinet.signing.CertificateAdministration;
import org.ecabinet.signing.SigningPin;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.server.ServerWebExchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Users, roles, certificates and trust anchors, for administrators only. Every change is an event on the user's
 * account (who, when, from where), which the auditor's timeline shows. 400 for a field that cannot be taken, 404
 * for an unknown user or certificate, 409 for what the account's state does not allow.
 */
@RestController
@RequestMapping("/api/admin")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Administration", description = "Users, roles, signing certificates and trust anchors (role ADMIN)")
class AdminController {

    private final AccountAdministration accounts;
    private final CertificateAdministration certificates;

    AdminController(AccountAdministration accounts, CertificateAdministration certificates) {
        this.accounts = accounts;
        this.certificates = certificates;
    }

    @GetMapping("/users")
    @Operation(summary = "Every account, in protocol order")
    Mono<List<AccountSummary>> users() {
        return blocking(accounts::all);
    }

    @GetMapping("/users/{userId}")
    @Operation(summary = "One account")
    Mono<AccountSummary> user(@PathVariable String userId) {
        return blocking(() -> accounts.one(userId));
    }

    @PostMapping("/users")
    @Operation(summary = "Create an account with a temporary password, which the user must change at the first sign-in")
    Mono<ResponseEntity<AccountSummary>> create(@Valid @RequestBody AdminRequests.NewAccount account, @AuthenticationPrincipal Jwt jwt,
                                                ServerWebExchange exchange) {
        return blocking(() -> ResponseEntity.status(HttpStatus.CREATED).body(accounts.create(account, origin(jwt, exchange))));
    }

    @PutMapping("/users/{userId}/roles")
    @Operation(summary = "Set the account's roles (an agency clerk with their agency's code)")
    Mono<AccountSummary> roles(@PathVariable String userId, @Valid @RequestBody AdminRequests.RoleChange change, @AuthenticationPrincipal Jwt jwt,
                               ServerWebExchange exchange) {
        return blocking(() -> accounts.changeRoles(userId, change, origin(jwt, exchange)));
    }

    @PostMapping("/users/{userId}/disable")
    @Operation(summary = "Disable the account: no sign-in, and its tokens stop working at once")
    Mono<AccountSummary> disable(@PathVariable String userId, @Valid @RequestBody AdminRequests.Reason reason, @AuthenticationPrincipal Jwt jwt,
                                 ServerWebExchange exchange) {
        return blocking(() -> accounts.disable(userId, reason.reason(), origin(jwt, exchange)));
    }

    @PostMapping("/users/{userId}/enable")
    @Operation(summary = "Enable a disabled account")
    Mono<AccountSummary> enable(@PathVariable String userId, @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return blocking(() -> accounts.enable(userId, origin(jwt, exchange)));
    }

    @PostMapping("/users/{userId}/password")
    @Operation(summary = "Set a temporary password, which the user must change at the next sign-in")
    Mono<AccountSummary> resetPassword(@PathVariable String userId, @Valid @RequestBody AdminRequests.PasswordReset reset,
                                       @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return blocking(() -> accounts.resetPassword(userId, reset.temporaryPassword(), origin(jwt, exchange)));
    }

    @GetMapping("/users/{userId}/certificates")
    @Operation(summary = "The account's signing certificates, newest first, with validity and revocation")
    Mono<List<CertificateAdministration.BoundCertificate>> certificates(@PathVariable String userId) {
        return blocking(() -> accounts.certificates(userId));
    }

    @PostMapping("/users/{userId}/certificates")
    @Operation(summary = "Issue a development-CA certificate; its key is held here under the given signing PIN")
    Mono<ResponseEntity<CertificateFacts>> issue(@PathVariable String userId, @Valid @RequestBody SigningPin pin, @AuthenticationPrincipal Jwt jwt,
                                                 ServerWebExchange exchange) {
        return blocking(() -> ResponseEntity.status(HttpStatus.CREATED).body(accounts.issueCertificate(userId, pin.chars(), origin(jwt, exchange))));
    }

    @PostMapping("/users/{userId}/certificates/imported")
    @Operation(summary = "Bind a certificate issued by another trusted CA (PEM); its owner signs elsewhere")
    Mono<ResponseEntity<CertificateFacts>> importCertificate(@PathVariable String userId, @Valid @RequestBody AdminRequests.Pem pem,
                                                             @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return blocking(() -> ResponseEntity.status(HttpStatus.CREATED).body(accounts.importCertificate(userId, pem.pem(), origin(jwt, exchange))));
    }

    @PostMapping("/users/{userId}/certificates/{fingerprint}/revoke")
    @Operation(summary = "Revoke the certificate: every later signature with it is refused")
    Mono<ResponseEntity<Void>> revoke(@PathVariable String userId, @PathVariable String fingerprint, @Valid @RequestBody AdminRequests.Reason reason,
                                      @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return blocking(() -> {
            accounts.revokeCertificate(userId, fingerprint, reason.reason(), origin(jwt, exchange));
            return ResponseEntity.noContent().build();
        });
    }

    @GetMapping("/trust-anchors")
    @Operation(summary = "The trusted root certificates")
    Mono<List<CertificateAdministration.Anchor>> trustAnchors() {
        return blocking(certificates::trustAnchors);
    }

    @PostMapping("/trust-anchors")
    @Operation(summary = "Trust the CA certificates of a PEM")
    Mono<ResponseEntity<List<CertificateAdministration.Anchor>>> addTrustAnchors(@Valid @RequestBody AdminRequests.Pem pem,
                                                                                  @AuthenticationPrincipal Jwt jwt) {
        return blocking(() -> ResponseEntity.status(HttpStatus.CREATED).body(certificates.addTrustAnchors(pem.pem(), jwt.getSubject())));
    }

    private static AccountAdministration.Origin origin(Jwt jwt, ServerWebExchange exchange) {
        return new AccountAdministration.Origin(jwt.getSubject(), exchange);
    }

    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
