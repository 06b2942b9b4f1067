package org.ecabinet.identity;

import org.ecabinet.events.account.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;
import org.ecabinet.platform.secrets.MasterKey;
import org.ecabinet.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.jwk.source.ImmutableSecret;

/**
 * The attacks of someone who can read the database, or who holds a token whose user the store no longer
 * knows: no token they make is accepted, and a token's own claims grant nothing the user store does not.
 */
class TokenForgeryTest extends ApiTest {

    private static final List<String> EVERY_ROLE = List.of("MEMBER", "ADMIN", "AUDITOR", "SECRETARIAT", "CHAIR");

    @Autowired
    MongoDatabase database;
    @Autowired
    MasterKey masterKey;
    @Autowired
    Users users;

    @Test
    void noValueInTheStoreSignsAnAcceptedToken() {
        as(MEMBER).get().uri("/api/auth/me").exchange().expectStatus().isOk();
        List<byte[]> candidates = new ArrayList<>();
        for (String collection : database.listCollectionNames()) {
            for (Document document : database.getCollection(collection).find().limit(200)) {
                collectStrings(document, candidates);
            }
        }
        assertThat(candidates).as("the store was read").hasSizeGreaterThan(100);
        int tried = 0;
        for (byte[] key : candidates) {
            if (key.length < 32) {
                continue;
            }
            String forged = token(key, "admin", EVERY_ROLE, Instant.now());
            web.get().uri("/api/audit/integrity").header("Authorization", "Bearer " + forged).exchange().expectStatus().isUnauthorized();
            tried++;
        }
        assertThat(tried).as("candidate keys tried").isGreaterThan(10);
    }

    @Test
    void theStoreHoldsNoSecretInClear() {
        for (Document setting : database.getCollection("settings").find()) {
            String id = setting.getString("_id");
            assertThat(id).as("no token key, keystore or password of an earlier version").isNotIn("jwt-secret")
                    .doesNotEndWith(".password").doesNotStartWith("signing.");
            if (id.startsWith("sealed.")) {
                assertThat(setting.getString("value")).startsWith("v1.");
            }
        }
        assertThat(database.getCollection("settings").countDocuments(new Document("_id", "sealed.signing.dev-ca.p12"))).isEqualTo(1);
        for (Document certificate : database.getCollection("signing_certificates").find()) {
            assertThat(certificate.containsKey("pkcs12")).as("a user's PKCS#12 in clear, open to an offline PIN search").isFalse();
        }
    }

    @Test
    void aTokenSignedWithTheRealKeyForAUserWhoDoesNotExistIsRefused() {
        String forged = token(masterKey.derive("token-signing"), "ghost", EVERY_ROLE, Instant.now());
        web.get().uri("/api/auth/me").header("Authorization", "Bearer " + forged).exchange().expectStatus().isUnauthorized()
                .expectHeader().contentType("application/problem+json");
    }

    @Test
    void rolesComeFromTheUserStoreNotFromTheToken() {
        String boasting = token(masterKey.derive("token-signing"), MEMBER, EVERY_ROLE, Instant.now());
        web.get().uri("/api/audit/integrity").header("Authorization", "Bearer " + boasting).exchange().expectStatus().isForbidden();
        web.get().uri("/api/auth/me").header("Authorization", "Bearer " + boasting).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.roles.length()").isEqualTo(1).jsonPath("$.roles[0]").isEqualTo("MEMBER");
    }

    @Test
    void aDisabledUsersTokenStopsWorkingWithinTheUserCachePeriod() {
        CabinetUser user = TestUsers.add(users, "disabled.probe", "Người dùng bị khóa", Role.AUDITOR, 901);
        String token = token(masterKey.derive("token-signing"), user.id(), List.of("AUDITOR"), Instant.now());
        web.get().uri("/api/auth/me").header("Authorization", "Bearer " + token).exchange().expectStatus().isOk();

        users.save(withEnabled(user, false));

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                web.get().uri("/api/auth/me").header("Authorization", "Bearer " + token).exchange().expectStatus().isUnauthorized());
        web.post().uri("/api/auth/token").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("username", user.id(), "password", PASSWORD)).exchange().expectStatus().isUnauthorized();
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String header = b64("{\"alg\":\"none\"}");
        String claims = b64("{\"sub\":\"admin\",\"roles\":[\"ADMIN\"],\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}");
        web.get().uri("/api/auth/me").header("Authorization", "Bearer " + header + "." + claims + ".").exchange().expectStatus().isUnauthorized();
    }

    private static CabinetUser withEnabled(CabinetUser u, boolean enabled) {
        return new CabinetUser(u.id(), u.displayName(), u.title(), u.roles(), u.organisationCode(), u.rank(), u.demo(), u.passwordHash(),
                u.email(), enabled, u.mustChangePassword());
    }

    private static String token(byte[] key, String subject, List<String> roles, Instant issuedAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("e-cabinet").subject(subject).issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(Duration.ofHours(1))).claim("roles", roles).claim("name", "x").claim("org", "").build();
        return new NimbusJwtEncoder(new ImmutableSecret<>(new SecretKeySpec(key, "HmacSHA256")))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    /** Every string of a document, as text and, where it decodes, as base64: whatever a key could be kept as. */
    private static void collectStrings(Object value, List<byte[]> out) {
        if (value instanceof Document document) {
            document.values().forEach(v -> collectStrings(v, out));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collectStrings(v, out));
        } else if (value instanceof String text && text.length() >= 32 && text.length() < 10_000) {
            out.add(text.getBytes(StandardCharsets.UTF_8));
            try {
                out.add(Base64.getDecoder().decode(text));
            } catch (IllegalArgumentException notBase64) {
                // text only
            }
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
