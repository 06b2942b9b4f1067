package org.ecabinet.identity;

import org.ecabinet.events.account.Role;
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
    void repeatedFailuresFromOneAddressWaitLongerEachTime() throws InterruptedException {
        // A user of this test alone: the throttle outlives the test.
        String user = TestUsers.add(users, "throttle.probe", "Người dùng thử giới hạn", Role.AUDITOR, 900).id();
        String attacker = "203.0.113.7";
        for (int i = 0; i < 5; i++) {
            login(user, "wrong-" + i, attacker).expectStatus().isUnauthorized().expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
        long first = retryAfter(login(user, "wrong-again", attacker).expectStatus().isEqualTo(429));
        Thread.sleep(first * 1000 + 100);
        login(user, "wrong-6", attacker).expectStatus().isUnauthorized();
        long second = retryAfter(login(user, "wrong-7", attacker).expectStatus().isEqualTo(429));
        assertThat(second).as("the wait doubles with each failure").isGreaterThan(first);
        login(user, PASSWORD, attacker).expectStatus().isEqualTo(429);
    }

    @Test
    void anAttackerElsewhereNeverLocksTheOwnerOut() {
        String user = TestUsers.add(users, "owner.probe", "Chủ tài khoản", Role.AUDITOR, 902).id();
        for (int i = 0; i < 12; i++) {
            login(user, "guess-" + i, "203.0.113.66").expectStatus().value(status -> assertThat(status).isIn(401, 429));
        }
        login(user, "guess-again", "203.0.113.66").expectStatus().isEqualTo(429);
        login(user, PASSWORD, "198.51.100.20").expectStatus().isOk();
    }

    @Test
    void manyUsersBehindOneAddressDoNotStopEachOther() {
        String office = "192.0.2.44";
        for (int i = 0; i < 30; i++) {
            login("typo" + i, "wrong", office).expectStatus().isUnauthorized();
        }
        login("clerk.g23", PASSWORD, office).expectStatus().isOk();
    }

    @Test
    void anUnknownUserNameCostsWhatAWrongPasswordCosts() {
        String known = TestUsers.add(users, "timing.probe", "Người dùng thử thời gian", Role.AUDITOR, 903).id();
        long[] wrongPassword = new long[5];
        long[] unknownName = new long[5];
        for (int n = 0; n < 5; n++) {
            int i = n;
            // A fresh address each time: the measure is of the password check, not of the throttle.
            wrongPassword[n] = timed(() -> login(known, "wrong", "198.51.100." + (100 + i)).expectStatus().isUnauthorized());
            unknownName[n] = timed(() -> login("nobody-" + System.nanoTime(), "wrong", "198.51.100." + (150 + i)).expectStatus().isUnauthorized());
        }
        java.util.Arrays.sort(wrongPassword);
        java.util.Arrays.sort(unknownName);
        assertThat((double) unknownName[2]).as("median ns of an unknown name against a wrong password (%d)", wrongPassword[2])
                .isGreaterThan(wrongPassword[2] * 0.5);
    }

    private static long timed(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static long retryAfter(org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec response) {
        return Long.parseLong(response.returnResult(String.class).getResponseHeaders().getFirst("Retry-After"));
    }

    /** A sign-in through our trusted proxy (the frontend), which forwards the browser's address. */
    private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec login(String user, String password, String clientAddress) {
        return web.post().uri("/api/auth/token").contentType(MediaType.APPLICATION_JSON)
                .header("X-Forwarded-For", clientAddress).header(org.ecabinet.platform.web.RequestOrigin.PROXY_KEY_HEADER, PROXY_KEY)
                .bodyValue(Map.of("username", user, "password", password)).exchange();
    }
}
