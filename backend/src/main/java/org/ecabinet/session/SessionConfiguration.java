package org.ecabinet.session;

import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.SnapshotTriggerDefinition;
import org.axonframework.eventsourcing.Snapshotter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /**
     * A session of 27 members collects hundreds of events (positions per item, check-ins, votes); every
     * command loads the session, so a snapshot every {@code cabinet.snapshots.session} events keeps that
     * load short.
     */
    @Bean
    SnapshotTriggerDefinition sessionSnapshotTrigger(Snapshotter snapshotter, @Value("${cabinet.snapshots.session:100}") int threshold) {
        return new EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }
}
