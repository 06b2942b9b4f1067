package org.ecabinet.audit;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param checkpointEvents a checkpoint at least every this many global indexes
 * @param checkpointInterval and at least this often while new events arrive
 * @param gapTimeout an index still without an event after this long is recorded as unused (its writer failed);
 *                   the same rule as the tracking processors' gap timeout
 * @param foldInterval how often the ledger looks for new events
 * @param exportDirectory where each checkpoint is also written, outside the database (none: not exported)
 * @param acceptRollback   start on a store that is behind or differs from the latest exported checkpoint, after
 *                         a deliberate restore of an older backup: the checkpoints it no longer matches are set aside
 */
@ConfigurationProperties("cabinet.ledger")
record LedgerProperties(@DefaultValue("1000") long checkpointEvents,
                        @DefaultValue("PT60S") Duration checkpointInterval,
                        @DefaultValue("PT60S") Duration gapTimeout,
                        @DefaultValue("PT1S") Duration foldInterval,
                        Path exportDirectory,
                        @DefaultValue("false") boolean acceptRollback) {

    LedgerProperties {
        exportDirectory = exportDirectory == null || exportDirectory.toString().isBlank() ? null : exportDirectory;
    }
}
