package org.ecabinet.audit.replay;

import java.time.Clock;
import java.util.List;

import org.axonframework.config.EventProcessingConfiguration;
import org.ecabinet.platform.Projection;
import org.ecabinet.platform.cluster.ClusterNodes;
import org.ecabinet.platform.storage.StoredEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

@Configuration(proxyBeanMethods = false)
class ReplayConfiguration {

    /** Started once the processors exist: from then on it looks for replays asked for on any node. */
    @Bean(initMethod = "start", destroyMethod = "close")
    Replays replays(List<Projection> projections, EventProcessingConfiguration processing, MongoDatabase database, StoredEvents store,
                    ClusterNodes nodes, ObjectMapper json, Clock clock) {
        return new Replays(projections, processing, database, store, nodes, json, clock);
    }
}
