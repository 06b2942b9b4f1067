package org.ecabinet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.ecabinet.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;

import com.fasterxml.jackson.databind.JsonNode;

class AuthenticationTest extends ApiTest {

    @Autowired
    TokenService tokens;
    @Autowired
    Users users;

    @Test
    void aTokenCarriesTheUsersRolesAndExpires() {
        JsonNode issued = web.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", "thutuong", "password", PASSWORD))
                .exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
        Jwt jwt = tokens.decoder().decode(issued.get("token").asText()).block();
        assertThat(jwt.getSubject()).isEqualTo("thutuong");
        assertThat(jwt.getClaimAsStringList("roles")).containsExactlyInAnyOrder("MEMBER", "CHAIR");
        assertThat(jwt.getExpiresAt()).isAfter(jwt.getIssuedAt());
        assertThat(issued.get("user").get("title").asText()).isEqualTo("Thủ tướng Chính phủ");
        assertThat(issued.has("passwordHash")).isFalse();

        as("thutuong").get().uri("/api/auth/me").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo("thutuong").jsonPath("$.passwordHash").doesNotExist();
    }

    @Test
    void theDemoCabinetHasTwentySevenMembersAndEveryRole() {
        JsonNode directory = as(MEMBER).get().uri("/api/directory").exchange().expectStatus().isOk()
                .expectBody(JsonNode.class).returnResult().getResponseBody();
        long members = 0;
        for (JsonNode user : directory) {
            assertThat(user.has("passwordHash")).isFalse();
            if (user.get("roles").toString().contains("MEMBER")) {
                members++;
            }
        }
        assertThat(members).isEqualTo(27);
        assertThat(directory.toString()).contains("SECRETARIAT", "AGENCY_CLERK", "AUDITOR", "ADMIN", "CHAIR", "000.00.00.G22");
    }

    @Test
    void wrongPasswordsAreRefusedAndRepeatedFailuresAreThrottled() {
        // A user of this test alone: the lock-out outlives the test, and every other demo user signs in elsewhere.
        String user = TestUsers.add(users, "lockout.probe", "Người dùng thử khóa", Role.AUDITOR, 900).id();
        for (int i = 0; i < 5; i++) {
            login(user, "wrong-" + i).expectStatus().isUnauthorized()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        login(user, "wrong-again").expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
        login(user, PASSWORD).expectStatus().isEqualTo(429);
        login("clerk.g22", PASSWORD).expectStatus().isOk();
        login("nobody-at-all", "x").expectStatus().isUnauthorized();
    }

    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec login(String user, String password) {
        return web.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", user, "password", password)).exchange();
    }
}
