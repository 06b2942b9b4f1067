package org.ecabinet.ballot;

import java.time.Duration;
import java.util.List;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.ecabinet.signing.SignatureVerifier;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Ballot settings, the signature check of answers, and how notifications are processed. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BallotConfiguration.BallotProperties.class)
class BallotConfiguration {

    /**
     * @param reminders how long before the deadline members who have not answered are reminded
     * @param frontendUrl where the links in e-mails point
     * @param mailFrom the sender of notification e-mails
     */
    @ConfigurationProperties("cabinet.ballots")
    record BallotProperties(List<Duration> reminders, String frontendUrl, String mailFrom) {
        BallotProperties {
            reminders = reminders == null ? List.of(Duration.ofHours(24), Duration.ofHours(2)) : List.copyOf(reminders);
            frontendUrl = frontendUrl == null ? "http://localhost:8080" : frontendUrl;
            mailFrom = mailFrom == null ? "e-cabinet@ecabinet.example" : mailFrom;
        }
    }

    /**
     * Ballots stay in memory between commands: when all members answer within minutes, each answer would
     * otherwise re-read the ballot's whole stream (every earlier signed answer) under the aggregate's lock.
     * A weak-reference cache gives memory back under pressure; a conflict on the store evicts the entry.
     */
    @Bean
    Cache ballotCache() {
        return new WeakReferenceCache();
    }

    /** Every answer of every member, each version, is an event of the ballot: snapshots keep loading it short. */
    @Bean
    org.axonframework.eventsourcing.SnapshotTriggerDefinition ballotSnapshotTrigger(org.axonframework.eventsourcing.Snapshotter snapshotter,
            @org.springframework.beans.factory.annotation.Value("${cabinet.snapshots.ballot:100}") int threshold) {
        return new org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition(snapshotter, threshold);
    }

    /** The aggregate verifies answers with the signing service. */
    @Bean
    SignatureCheck signatureCheck(SignatureVerifier verifier) {
        return verifier::verifyCms;
    }

    /**
     * Notifications start at the head of the event stream: a new deployment (or a token reset) must not
     * e-mail anyone about ballots of the past. Replays never send anything either ({@code @DisallowReplay}).
     */
    @Bean
    ConfigurerModule ballotNotificationsStartAtTheHead() {
        return configurer -> configurer.eventProcessing()
                .registerTrackingEventProcessor(BallotNotifications.PROCESSING_GROUP,
                        org.axonframework.config.Configuration::eventStore,
                        c -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                                .andInitialTrackingToken(StreamableMessageSource::createHeadToken))
                // A failed delivery (SMTP down) stops the processor, which retries with back-off: at least once.
                .registerListenerInvocationErrorHandler(BallotNotifications.PROCESSING_GROUP, c -> PropagatingErrorHandler.instance());
    }
}
