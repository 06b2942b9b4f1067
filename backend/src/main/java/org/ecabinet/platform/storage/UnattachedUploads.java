package org.ecabinet.platform.storage;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * An upload that no command took within {@code cabinet.files.unattached-retention} (a day) is deleted: a
 * user who gave up, or a client that uploads without registering, leaves nothing behind for long. Deleting
 * is idempotent, so every node may run it.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class UnattachedUploads {

    private static final Logger log = LoggerFactory.getLogger(UnattachedUploads.class);

    private final DocumentStore files;
    private final Clock clock;
    private final Duration retention;

    UnattachedUploads(DocumentStore files, Clock clock, @Value("${cabinet.files.unattached-retention:P1D}") Duration retention) {
        this.files = files;
        this.clock = clock;
        this.retention = retention;
    }

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${cabinet.files.reclaim-every:PT1H}")
    void reclaim() {
        int deleted = files.reclaim(clock.instant().minus(retention));
        if (deleted > 0) {
            log.info("Deleted {} upload(s) never attached within {}", deleted, retention);
        }
    }
}
