package org.ecabinet.ballot;

import java.time.Duration;
import java.util.List;

import org.axonframework.common.caching.Cache;
import org.axonframework.common.caching.EhCache3Adapter;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.messaging.StreamableMessageSource;
import org.ehcache.CacheManager;
import org.ehcache.config.builders.CacheConfigurationBuilder;
import org.ehcache.config.builders.CacheManagerBuilder;
import org.ehcache.config.builders.ResourcePoolsBuilder;
import org.ehcache.core.Ehcache;
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
     * otherwise re-read the ballot's snapshot and its latest events under the aggregate's lock. A bounded cache
     * (the 1,000 ballots last used) rather than weak references: those were cleared by every garbage collection,
     * which under load came every second or so. A conflict on the store evicts the entry. On a store that other
     * nodes write to, a kept ballot could be behind theirs and refuse what the stored ballot allows, without any
     * conflict to notice it: there, every command loads the ballot (its snapshot and the events after it).
     */
    @Bean
    Cache ballotCache(CacheManager aggregateCaches, org.ecabinet.platform.storage.StorageProperties storage) {
        if (!storage.soleWriter()) {
            return org.axonframework.common.caching.NoCache.INSTANCE;
        }
        return new EhCache3Adapter((Ehcache<?, ?>) aggregateCaches.createCache("ballots",
                CacheConfigurationBuilder.newCacheConfigurationBuilder(Object.class, Object.class, ResourcePoolsBuilder.heap(1_000)).build()));
    }

    @Bean(destroyMethod = "close")
    CacheManager aggregateCaches() {
        return CacheManagerBuilder.newCacheManagerBuilder().build(true);
    }

    /** Every answer of every member, each version, is an event of the ballot: snapshots keep loading it short. */
    @Bean
    org.axonframework.eventsourcing.SnapshotTriggerDefinition ballotSnapshotTrigger(org.axonframework.eventsourcing.Snapshotter snapshotter,
            @org.springframework.beans.factory.annotation.Value("${cabinet.snapshots.ballot:100}") int threshold) {
        return new org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition(snapshotter, threshold);
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
