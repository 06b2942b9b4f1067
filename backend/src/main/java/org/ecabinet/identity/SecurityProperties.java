package org.ecabinet.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jwtSecret}: the HMAC key of the tokens (at least 32 bytes); when empty, one is generated on the
 * first start and kept in the store so that tokens survive a restart.
 */
@ConfigurationProperties("cabinet.security")
public record SecurityProperties(
        String jwtSecret,
        @DefaultValue("8h") Duration tokenLifetime,
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockout) {
}
