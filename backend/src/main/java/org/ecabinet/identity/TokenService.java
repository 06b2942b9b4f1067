package org.ecabinet.identity;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import org.ecabinet.platform.storage.Settings;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.stereotype.Service;

/** Issues and verifies the signed JWTs (HS256) that authenticate every API call. */
@Service
public class TokenService {

    static final String ROLES_CLAIM = "roles";
    static final String NAME_CLAIM = "name";
    static final String ORGANISATION_CLAIM = "org";
    private static final String ISSUER = "e-cabinet";

    private final SecretKey key;
    private final SecurityProperties properties;
    private final Clock clock;

    TokenService(SecurityProperties properties, Settings settings, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.key = new SecretKeySpec(secret(properties, settings), "HmacSHA256");
    }

    public IssuedToken issue(CabinetUser user) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.tokenLifetime());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(user.id())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claim(NAME_CLAIM, user.displayName())
                .claim(ROLES_CLAIM, user.roles().stream().map(Enum::name).sorted().toList())
                .claim(ORGANISATION_CLAIM, user.organisationCode() == null ? "" : user.organisationCode())
                .build();
        String token = encoder().encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
        return new IssuedToken(token, expiresAt);
    }

    ReactiveJwtDecoder decoder() {
        return NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
    }

    private NimbusJwtEncoder encoder() {
        return new NimbusJwtEncoder(new ImmutableSecret<>(key));
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }

    private static byte[] secret(SecurityProperties properties, Settings settings) {
        if (properties.jwtSecret() != null && !properties.jwtSecret().isBlank()) {
            byte[] configured = properties.jwtSecret().getBytes(StandardCharsets.UTF_8);
            if (configured.length < 32) {
                throw new IllegalStateException("cabinet.security.jwt-secret must be at least 32 bytes");
            }
            return configured;
        }
        byte[] generated = new byte[32];
        new SecureRandom().nextBytes(generated);
        // Whoever stores first wins, so that two nodes starting together share one key.
        settings.putIfAbsent("jwt-secret", Base64.getEncoder().encodeToString(generated));
        return Base64.getDecoder().decode(settings.get("jwt-secret").orElseThrow());
    }
}
