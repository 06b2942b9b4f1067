package org.ecabinet.administration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.ecabinet.support.ApiTest;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/** The administration over HTTP: what an administrator does, what everyone else is refused, and what the auditor sees of it. */
class AdminApiTest extends ApiTest {

    static final String TEMPORARY = "Tam-thoi@2026-x";
    static final String CHOSEN = "Cua-toi@2026-yz";
    static final String G12 = "000.00.00.G12";

    /** An account created by the admin with a temporary password, for one role. */
    JsonNode created(String userId, String role, String organisationCode) {
        var body = new java.util.HashMap<String, Object>(Map.of("userId", userId, "displayName", "Nguyễn Thị Kiểm Thử", "title", "Văn thư",
                "roles", List.of(role), "temporaryPassword", TEMPORARY));
        if (organisationCode != null) {
            body.put("organisationCode", organisationCode);
        }
        return as(ADMIN).post().uri("/api/admin/users").contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    JsonNode problem(String user, HttpMethod method, String uri, Object body, int status) {
        var request = as(user).method(method).uri(uri);
        return (body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body))
                .exchange().expectStatus().isEqualTo(status).expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    List<String> historyTypes(String userId) {
        return as(AUDITOR).get().uri("/api/audit/aggregates/{id}/history", userId).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody().findValuesAsText("type");
    }

    @Test
    void aNewClerkSignsInChoosesAPasswordReceivesACertificateSignsAndIsRefusedOnceItIsRevoked() {
        String clerk = "vanthu.taichinh1";
        JsonNode account = created(clerk, "AGENCY_CLERK", G12);
        assertThat(account.get("mustChangePassword").asBoolean()).isTrue();

        JsonNode firstSignIn = signIn(clerk, TEMPORARY);
        assertThat(firstSignIn.get("mustChangePassword").asBoolean()).isTrue();
        assertThat(problem(clerk, HttpMethod.GET, "/api/documents?box=outbox", null, 403).get("code").asText()).isEqualTo("password.change-required");
        post(clerk, "/api/auth/password", Map.of("currentPassword", TEMPORARY, "newPassword", CHOSEN), 204);
        assertThat(signIn(clerk, CHOSEN).get("mustChangePassword").asBoolean()).isFalse();
        as(clerk).get().uri("/api/documents?box=outbox").exchange().expectStatus().isOk();

        JsonNode certificate = as(ADMIN).post().uri("/api/admin/users/{id}/certificates", clerk).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("pin", "975310")).exchange().expectStatus().isCreated().expectBody(JsonNode.class).returnResult().getResponseBody();
        String document = register(clerk, "ORDINARY");
        post(clerk, "/api/documents/" + document + "/signature", Map.of("pin", "975310"), 204);
        awaitDocument(clerk, document, d -> d.get("state").asText().equals("SIGNED"));

        post(ADMIN, "/api/admin/users/" + clerk + "/certificates/" + certificate.get("fingerprint").asText() + "/revoke",
                Map.of("reason", "Mất thiết bị"), 204);
        String next = register(clerk, "ORDINARY");
        post(clerk, "/api/documents/" + next + "/signature", Map.of("pin", "975310"), 409);
        JsonNode listed = as(ADMIN).get().uri("/api/admin/users/{id}/certificates", clerk).exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(listed.get(0).get("revocationReason").asText()).isEqualTo("Mất thiết bị");

        assertThat(historyTypes(clerk)).containsExactly("UserAccountCreated", "UserPasswordChanged", "SigningCertificateIssued",
                "SigningCertificateRevoked");
        JsonNode history = as(AUDITOR).get().uri("/api/audit/aggregates/{id}/history", clerk).exchange()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(history.get(0).at("/metaData/userId").asText()).isEqualTo(ADMIN);
        assertThat(history.get(0).at("/metaData/remoteAddress").asText()).isNotBlank();
        assertThat(history.get(1).at("/metaData/userId").asText()).isEqualTo(clerk);
        assertThat(history.get(3).at("/metaData/userId").asText()).isEqualTo(ADMIN);
        assertThat(history.toString()).doesNotContain(TEMPORARY).doesNotContain(CHOSEN).doesNotContain("$2a$");
    }

    /** Accounts made here never hold the member role: cabinet members are the roster every session's quorum counts. */
    @Test
    void aRoleWithdrawnOrAnAccountDisabledCountsFromTheNextRequest() {
        String auditor = "kiemtoan.thu2";
        created(auditor, "AUDITOR", null);
        signIn(auditor, TEMPORARY);
        post(auditor, "/api/auth/password", Map.of("currentPassword", TEMPORARY, "newPassword", CHOSEN), 204);
        as(auditor).get().uri("/api/audit/integrity").exchange().expectStatus().isOk();

        put(ADMIN, "/api/admin/users/" + auditor + "/roles", Map.of("roles", List.of("AGENCY_CLERK"), "organisationCode", G12), 200);
        as(auditor).get().uri("/api/audit/integrity").exchange().expectStatus().isForbidden();

        post(ADMIN, "/api/admin/users/" + auditor + "/disable", Map.of("reason", "Nghỉ hưu"), 200);
        as(auditor).get().uri("/api/auth/me").exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("username", auditor, "password", CHOSEN))
                .exchange().expectStatus().isUnauthorized();

        post(ADMIN, "/api/admin/users/" + auditor + "/enable", null, 200);
        signIn(auditor, CHOSEN);
        assertThat(historyTypes(auditor)).containsExactly("UserAccountCreated", "UserPasswordChanged", "UserRolesChanged",
                "UserAccountDisabled", "UserAccountEnabled");
    }

    @Test
    void aResetPasswordMustBeChangedBeforeAnythingElse() {
        // not a cabinet member: a member would join the roster that every other test's quorum counts
        String member = "kiemtoan.thu3";
        created(member, "AUDITOR", null);
        signIn(member, TEMPORARY);
        post(member, "/api/auth/password", Map.of("currentPassword", TEMPORARY, "newPassword", CHOSEN), 204);
        post(ADMIN, "/api/admin/users/" + member + "/password", Map.of("temporaryPassword", "Mat-khau-moi@2026"), 200);

        assertThat(signIn(member, "Mat-khau-moi@2026").get("mustChangePassword").asBoolean()).isTrue();
        assertThat(problem(member, HttpMethod.GET, "/api/sessions", null, 403).get("code").asText()).isEqualTo("password.change-required");
        assertThat(problem(member, HttpMethod.POST, "/api/auth/password", Map.of("currentPassword", "wrong-password-x", "newPassword", CHOSEN + "2"),
                400).at("/errors/0/code").asText()).isEqualTo("password.wrong");
        as(member).get().uri("/api/auth/me").exchange().expectStatus().isOk().expectBody().jsonPath("$.mustChangePassword").isEqualTo(true);
    }

    @Nested
    class Refused {

        @Test
        void everyAdministrationRequestOfEveryOtherRole() {
            String fingerprint = "0".repeat(64);
            for (String user : List.of(MEMBER, CHAIR, SECRETARIAT, CLERK, AUDITOR)) {
                as(user).get().uri("/api/admin/users").exchange().expectStatus().isForbidden();
                as(user).get().uri("/api/admin/users/{id}", MEMBER).exchange().expectStatus().isForbidden();
                post(user, "/api/admin/users", Map.of("userId", "ke.gian", "displayName", "x", "title", "x", "roles", List.of("ADMIN"),
                        "temporaryPassword", TEMPORARY), 403);
                put(user, "/api/admin/users/" + user + "/roles", Map.of("roles", List.of("ADMIN")), 403);
                post(user, "/api/admin/users/" + MEMBER + "/disable", Map.of("reason", "x"), 403);
                post(user, "/api/admin/users/" + MEMBER + "/enable", null, 403);
                post(user, "/api/admin/users/" + MEMBER + "/password", Map.of("temporaryPassword", TEMPORARY), 403);
                as(user).get().uri("/api/admin/users/{id}/certificates", MEMBER).exchange().expectStatus().isForbidden();
                post(user, "/api/admin/users/" + user + "/certificates", Map.of("pin", "123456"), 403);
                post(user, "/api/admin/users/" + user + "/certificates/imported", Map.of("pem", "x"), 403);
                post(user, "/api/admin/users/" + MEMBER + "/certificates/" + fingerprint + "/revoke", Map.of("reason", "x"), 403);
                as(user).get().uri("/api/admin/trust-anchors").exchange().expectStatus().isForbidden();
                post(user, "/api/admin/trust-anchors", Map.of("pem", "x"), 403);
            }
            web.get().uri("/api/admin/users").exchange().expectStatus().isUnauthorized();
            assertThat(as(SECRETARIAT).get().uri("/api/auth/me").exchange().expectBody(JsonNode.class).returnResult().getResponseBody()
                    .get("roles").toString()).doesNotContain("ADMIN");
        }

        @Test
        void anAdministratorLockingThemselvesOut() {
            assertThat(problem(ADMIN, HttpMethod.POST, "/api/admin/users/admin/disable", Map.of("reason", "x"), 409).get("code").asText())
                    .isEqualTo("account.own-account");
            assertThat(problem(ADMIN, HttpMethod.PUT, "/api/admin/users/admin/roles", Map.of("roles", List.of("AUDITOR")), 409).get("code").asText())
                    .isEqualTo("account.own-admin-role");
        }

        @Test
        void accountsThatCannotBeMadeFieldByField() {
            var clerkWithUnknownAgency = Map.of("userId", "vanthu.la", "displayName", "x", "title", "x", "roles", List.of("AGENCY_CLERK"),
                    "organisationCode", "999.99.99.Z99", "temporaryPassword", TEMPORARY);
            assertThat(problem(ADMIN, HttpMethod.POST, "/api/admin/users", clerkWithUnknownAgency, 400).at("/errors/0/code").asText())
                    .isEqualTo("agency.unknown");
            var clerkWithoutAgency = Map.of("userId", "vanthu.khong", "displayName", "x", "title", "x", "roles", List.of("AGENCY_CLERK"),
                    "temporaryPassword", TEMPORARY);
            assertThat(problem(ADMIN, HttpMethod.POST, "/api/admin/users", clerkWithoutAgency, 409).get("code").asText())
                    .isEqualTo("account.clerk-without-agency");
            var existing = Map.of("userId", MEMBER, "displayName", "x", "title", "x", "roles", List.of("ADMIN"), "temporaryPassword", TEMPORARY);
            assertThat(problem(ADMIN, HttpMethod.POST, "/api/admin/users", existing, 409).get("code").asText()).isEqualTo("account.exists");
            var weak = Map.of("userId", "yeu.mat.khau", "displayName", "x", "title", "x", "roles", List.of("MEMBER"), "temporaryPassword", "123");
            assertThat(problem(ADMIN, HttpMethod.POST, "/api/admin/users", weak, 400).at("/errors/0/field").asText()).isEqualTo("temporaryPassword");
            var badName = Map.of("userId", "../admin", "displayName", "x", "title", "x", "roles", List.of("MEMBER"), "temporaryPassword", TEMPORARY);
            assertThat(problem(ADMIN, HttpMethod.POST, "/api/admin/users", badName, 400).at("/errors/0/field").asText()).isEqualTo("userId");
            as(ADMIN).get().uri("/api/admin/users/{id}", "yeu.mat.khau").exchange().expectStatus().isNotFound();
            as(ADMIN).get().uri("/api/admin/users/{id}", "vanthu.khong").exchange().expectStatus().isNotFound();
        }

        @Test
        void revokingAnotherUsersCertificateThroughThisOne() {
            JsonNode certificates = as(ADMIN).get().uri("/api/admin/users/{id}/certificates", CLERK).exchange().expectStatus().isOk()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            String clerksCertificate = certificates.get(0).at("/facts/fingerprint").asText();
            post(ADMIN, "/api/admin/users/" + MEMBER + "/certificates/" + clerksCertificate + "/revoke", Map.of("reason", "x"), 404);
            JsonNode after = as(ADMIN).get().uri("/api/admin/users/{id}/certificates", CLERK).exchange()
                    .expectBody(JsonNode.class).returnResult().getResponseBody();
            assertThat(after.get(0).get("revokedAt").isNull()).isTrue();
        }
    }

    @Test
    void theTrustAnchorsArePublic() {
        String pem = web.get().uri("/api/signing/trust-anchors.pem").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----");
        JsonNode anchors = as(ADMIN).get().uri("/api/admin/trust-anchors").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        assertThat(anchors.get(0).at("/facts/subject").asText()).isNotBlank();
    }
}
