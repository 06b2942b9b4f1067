package org.ecabinet.platform.cluster;

import static com.mongodb.client.model.Filters.eq;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

/**
 * The backend nodes sharing the store: this node under an id of its own run (a restarted node is a new one), and
 * whether another is alive — it wrote its heartbeat to {@code cluster_nodes} within {@link #SILENCE}. Work a node
 * began and may not have finished (a request under an idempotency key) is taken over only once its node is silent.
 */
@Component
public class ClusterNodes implements SmartLifecycle {

    static final Duration HEARTBEAT = Duration.ofSeconds(2);
    /** Five missed heartbeats: longer than a garbage-collection pause, short enough for a client's retry. */
    static final Duration SILENCE = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(ClusterNodes.class);

    private final MongoCollection<Document> nodes;
    private final Clock clock;
    private final String self;
    private Repeating beating;

    public ClusterNodes(MongoDatabase database, Clock clock) {
        this.nodes = database.getCollection("cluster_nodes");
        this.clock = clock;
        // As Axon names a token claim's owner (pid@host), so that an operator sees one name for a node; and a run of its own.
        this.self = ProcessHandle.current().pid() + "@" + hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This node's id, for this run. */
    public String self() {
        return self;
    }

    /** True for this node, and for another that wrote a heartbeat within {@link #SILENCE}. */
    public boolean alive(String node) {
        if (self.equals(node)) {
            return true;
        }
        Document found = nodes.find(eq("_id", node)).first();
        return found != null && found.getDate("seenAt").toInstant().isAfter(clock.instant().minus(SILENCE));
    }

    void beat() {
        Instant now = clock.instant();
        nodes.replaceOne(eq("_id", self), new Document("_id", self).append("seenAt", Date.from(now)), new ReplaceOptions().upsert(true));
    }

    /**
     * Said once the start-up work (demo data, the first administrator, migrations) is done, after Spring's "Started":
     * a second node, or a test, waits for this line rather than for the web server.
     */
    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        log.info("Backend node {} is ready", self);
    }

    @Override
    public void start() {
        beat();
        beating = Repeating.every(HEARTBEAT, "cluster-heartbeat", this::beat, log, "Heartbeat not written");
        log.info("Backend node {}", self);
    }

    @Override
    public void stop() {
        if (beating != null) {
            beating.stop();
            beating = null;
        }
    }

    @Override
    public boolean isRunning() {
        return beating != null;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException unknown) {
            return "node";
        }
    }
}
