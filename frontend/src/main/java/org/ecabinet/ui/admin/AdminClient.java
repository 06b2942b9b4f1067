package org.ecabinet.ui.admin;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ecabinet.ui.BackendApi;
import org.ecabinet.ui.admin.AdminModels.*;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** Calls to {@code /api/admin} for the signed-in administrator. */
@Component
public class AdminClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BackendApi api;

    AdminClient(BackendApi api) {
        this.api = api;
    }

    public List<Account> accounts(String token) {
        return api.as(token).get().uri("/api/admin/users").retrieve().bodyToMono(new ParameterizedTypeReference<List<Account>>() {
        }).block(TIMEOUT);
    }

    public Account create(String token, NewAccount account) {
        return post(token, "/api/admin/users", account, Account.class);
    }

    public Account changeRoles(String token, String userId, Set<Role> roles, String organisationCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("roles", roles);
        body.put("organisationCode", organisationCode);
        return api.as(token).put().uri("/api/admin/users/{id}/roles", userId).contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .retrieve().bodyToMono(Account.class).block(TIMEOUT);
    }

    public Account disable(String token, String userId, String reason) {
        return post(token, "/api/admin/users/" + userId + "/disable", Map.of("reason", reason), Account.class);
    }

    public Account enable(String token, String userId) {
        return api.as(token).post().uri("/api/admin/users/{id}/enable", userId).retrieve().bodyToMono(Account.class).block(TIMEOUT);
    }

    public Account resetPassword(String token, String userId, String temporaryPassword) {
        return post(token, "/api/admin/users/" + userId + "/password", Map.of("temporaryPassword", temporaryPassword), Account.class);
    }

    public List<Certificate> certificates(String token, String userId) {
        return api.as(token).get().uri("/api/admin/users/{id}/certificates", userId).retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<Certificate>>() {
                }).block(TIMEOUT);
    }

    public CertificateFacts issue(String token, String userId, String pin) {
        return post(token, "/api/admin/users/" + userId + "/certificates", Map.of("pin", pin), CertificateFacts.class);
    }

    public CertificateFacts importCertificate(String token, String userId, String pem) {
        return post(token, "/api/admin/users/" + userId + "/certificates/imported", Map.of("pem", pem), CertificateFacts.class);
    }

    public void revoke(String token, String userId, String fingerprint, String reason) {
        api.as(token).post().uri("/api/admin/users/{id}/certificates/{fp}/revoke", userId, fingerprint).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", reason)).retrieve().toBodilessEntity().block(TIMEOUT);
    }

    public List<Anchor> trustAnchors(String token) {
        return api.as(token).get().uri("/api/admin/trust-anchors").retrieve().bodyToMono(new ParameterizedTypeReference<List<Anchor>>() {
        }).block(TIMEOUT);
    }

    public void addTrustAnchors(String token, String pem) {
        api.as(token).post().uri("/api/admin/trust-anchors").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("pem", pem))
                .retrieve().toBodilessEntity().block(TIMEOUT);
    }

    private <T> T post(String token, String uri, Object body, Class<T> type) {
        return api.as(token).post().uri(uri).contentType(MediaType.APPLICATION_JSON).bodyValue(body).retrieve().bodyToMono(type).block(TIMEOUT);
    }
}
