package org.ecabinet.identity;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import com.nimbusds.jose.jwk.source.ImmutableSecret;

import org.ecabinet.platform.secrets.MasterKey;
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

    TokenService(SecurityProperties properties, MasterKey masterKey, Settings settings, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.key = new SecretKeySpec(secret(properties, masterKey), "HmacSHA256");
        // Versions before the master key kept a generated token key in the store, where anyone who could read it forged tokens.
        settings.remove("jwt-secret");
    }

    public IssuedToken issue(CabinetUser user) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.tokenLifetime());
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(user.id())
                .issuedAt(now)
                .expiresAt(expiresAt)
                .claims(c -> c.putAll(claimsOf(user)))
                .build();
        String token = encoder().encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
        return new IssuedToken(token, expiresAt);
    }

    /** What a token says of its user besides the subject; on every request the user store's current values replace it. */
    static java.util.Map<String, Object> claimsOf(CabinetUser user) {
        return java.util.Map.of(NAME_CLAIM, user.displayName(),
                ROLES_CLAIM, user.roles().stream().map(Enum::name).sorted().toList(),
                ORGANISATION_CLAIM, user.organisationCode() == null ? "" : user.organisationCode());
    }

    ReactiveJwtDecoder decoder() {
        return NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
    }

    private NimbusJwtEncoder encoder() {
        return new NimbusJwtEncoder(new ImmutableSecret<>(key));
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }

    /** The configured key, else one derived from the master key: the same on every node, and in no database. */
    private static byte[] secret(SecurityProperties properties, MasterKey masterKey) {
        if (properties.jwtSecret() != null && !properties.jwtSecret().isBlank()) {
            byte[] configured = properties.jwtSecret().getBytes(StandardCharsets.UTF_8);
            if (configured.length < 32) {
                throw new IllegalStateException("cabinet.security.jwt-secret must be at least 32 bytes");
            }
            return configured;
        }
        return masterKey.derive("token-signing");
    }
}
