package org.ecabinet.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code jwtSecret}: the HMAC key of the tokens (at least 32 bytes); when empty, it is derived from the
 * master key, so that tokens survive a restart and no database holds it. {@code userCache}: how long a
 * user's record (enabled, roles) is trusted before it is read again. Sign-in throttling: see
 * {@link org.ecabinet.platform.FailureThrottle}.
 */
@ConfigurationProperties("cabinet.security")
public record SecurityProperties(
        String jwtSecret,
        @DefaultValue("8h") Duration tokenLifetime,
        @DefaultValue("5") int freeFailedLogins,
        @DefaultValue("1s") Duration firstDelay,
        @DefaultValue("15m") Duration maxDelay,
        @DefaultValue("1h") Duration failureWindow,
        @DefaultValue("50") int accountWideFailures,
        @DefaultValue("10s") Duration userCache) {
}
