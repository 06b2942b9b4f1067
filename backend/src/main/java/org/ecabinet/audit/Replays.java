package org.ecabinet.audit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.bson.Document;
import org.ecabinet.platform.NotFound;
import org.ecabinet.platform.Projection;
import org.ecabinet.platform.RuleViolation;
import org.ecabinet.platform.storage.StoredEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Rebuilds a projection from the event store on an auditor's request: keeps a copy of the projection as
 * it is, resets the processor's token (its reset handler empties the projection) and lets it replay
 * everything, reporting progress (events done of total, rate, time left) as it goes, then compares the
 * rebuilt projection with the copy, document by document. Only {@link Projection}s can be replayed:
 * processors with side effects cannot be named here, and their handlers are marked not to run on replay.
 */
class Replays {

    private static final Logger log = LoggerFactory.getLogger(Replays.class);
    private static final int MAX_DIFFERENCES = 100;

    enum State { RUNNING, FINISHED, FAILED }

    record Difference(String documentId, String change) {
    }

    /**
     * @param eventsDuringReplay events appended while the replay ran: when not zero, a difference may be a
     *                           change made in the meantime rather than a fault of the projection
     */
    record Progress(String projection, State state, String startedBy, Instant startedAt, long total, long done,
                    double eventsPerSecond, Long secondsLeft, Instant finishedAt, Integer documentsBefore, Integer documentsAfter,
                    List<Difference> differences, long eventsDuringReplay, String failure) {
    }

    private final Map<String, Projection> projections = new LinkedHashMap<>();
    private final EventProcessingConfiguration processing;
    private final MongoDatabase database;
    private final StoredEvents store;
    private final Clock clock;
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "replay-monitor"));
    private final Map<String, Sinks.Many<Progress>> progress = new ConcurrentHashMap<>();
    private final Map<String, Progress> latest = new ConcurrentHashMap<>();

    Replays(List<Projection> projections, EventProcessingConfiguration processing, MongoDatabase database, StoredEvents store, Clock clock) {
        projections.forEach(p -> this.projections.put(p.processingGroup(), p));
        this.processing = processing;
        this.database = database;
        this.store = store;
        this.clock = clock;
    }

    List<String> projections() {
        return List.copyOf(projections.keySet());
    }

    Optional<Progress> latest(String name) {
        requireProjection(name);
        return Optional.ofNullable(latest.get(name));
    }

    /** Progress of the projection's replay: the latest state at once, then every change until it ends. */
    Flux<Progress> follow(String name) {
        requireProjection(name);
        Sinks.Many<Progress> sink = progress.get(name);
        Progress last = latest.get(name);
        if (sink == null) {
            return last == null ? Flux.empty() : Flux.just(last);
        }
        return sink.asFlux();
    }

    synchronized Progress start(String name, String startedBy) {
        Projection projection = requireProjection(name);
        Progress running = latest.get(name);
        if (running != null && running.state() == State.RUNNING) {
            throw new RuleViolation("The projection '" + name + "' is already being replayed.");
        }
        TrackingEventProcessor processor = processing.eventProcessor(name, TrackingEventProcessor.class)
                .orElseThrow(() -> new NotFound("No tracking processor '" + name + "'."));
        Map<Object, Document> before = documents(projection);
        long total = store.lastStored() + 1;
        Instant startedAt = clock.instant();
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException heldElsewhere) {
            // Another node holds the projection's claim: a reset needs every node's processor stopped, which is not
            // coordinated across nodes. This node's processor goes on as it was.
            processor.start();
            throw new RuleViolation("replay.other-node", "Another backend node runs the projection '" + name
                    + "' now; a replay needs it stopped on every node but this one, which this version does not arrange.");
        }
        processor.start();
        log.info("{} replays projection {} over {} indexes", startedBy, name, total);
        Sinks.Many<Progress> sink = Sinks.many().replay().latest();
        progress.put(name, sink);
        Progress first = new Progress(name, State.RUNNING, startedBy, startedAt, total, 0, 0, null, null, before.size(), null, List.of(), 0, null);
        publish(name, first);
        ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
        task[0] = monitor.scheduleWithFixedDelay(() -> {
            try {
                if (check(projection, processor, first, before)) {
                    task[0].cancel(false);
                }
            } catch (RuntimeException e) {
                log.warn("Replay of {} failed", name, e);
                publish(name, new Progress(name, State.FAILED, startedBy, startedAt, total, 0, 0, null, clock.instant(), before.size(), null,
                        List.of(), 0, e.toString()));
                task[0].cancel(false);
            }
        }, 100, 250, TimeUnit.MILLISECONDS);
        return first;
    }

    /** Publishes the progress; true once the replay is over and compared. */
    private boolean check(Projection projection, TrackingEventProcessor processor, Progress start, Map<Object, Document> before) {
        Map<Integer, EventTrackerStatus> statuses = processor.processingStatus();
        long done = statuses.values().stream()
                .mapToLong(s -> s.getCurrentPosition().orElse(-1) + 1).min().orElse(0);
        // Axon ends the replay (isReplaying) only when an event after the reset point arrives: the replay is
        // over for us once every segment has caught up with the position the store had at the reset.
        boolean over = !statuses.isEmpty() && statuses.values().stream().allMatch(s -> s.isCaughtUp()
                && s.getCurrentPosition().orElse(-1) + 1 >= start.total());
        Instant now = clock.instant();
        double seconds = Math.max(0.001, Duration.between(start.startedAt(), now).toMillis() / 1000.0);
        double rate = done / seconds;
        if (!over) {
            Long left = rate > 0 ? (long) Math.ceil((start.total() - done) / rate) : null;
            publish(start.projection(), new Progress(start.projection(), State.RUNNING, start.startedBy(), start.startedAt(), start.total(),
                    Math.min(done, start.total()), rate, left, null, start.documentsBefore(), null, List.of(), 0, null));
            return false;
        }
        Map<Object, Document> after = documents(projection);
        publish(start.projection(), new Progress(start.projection(), State.FINISHED, start.startedBy(), start.startedAt(), start.total(),
                start.total(), start.total() / seconds, 0L, now, before.size(), after.size(), differences(before, after),
                store.lastStored() + 1 - start.total(), null));
        progress.remove(start.projection()).tryEmitComplete();
        return true;
    }

    private void publish(String name, Progress update) {
        latest.put(name, update);
        Sinks.Many<Progress> sink = progress.get(name);
        if (sink != null) {
            sink.tryEmitNext(update);
        }
    }

    private static List<Difference> differences(Map<Object, Document> before, Map<Object, Document> after) {
        List<Difference> differences = new ArrayList<>();
        before.forEach((id, document) -> {
            Document rebuilt = after.get(id);
            if (rebuilt == null) {
                differences.add(new Difference(String.valueOf(id), "MISSING_AFTER_REPLAY"));
            } else if (!rebuilt.toJson().equals(document.toJson())) {
                differences.add(new Difference(String.valueOf(id), "CHANGED"));
            }
        });
        after.keySet().stream().filter(id -> !before.containsKey(id))
                .forEach(id -> differences.add(new Difference(String.valueOf(id), "NEW_AFTER_REPLAY")));
        return differences.size() > MAX_DIFFERENCES ? differences.subList(0, MAX_DIFFERENCES) : differences;
    }

    private Map<Object, Document> documents(Projection projection) {
        Map<Object, Document> documents = new LinkedHashMap<>();
        database.getCollection(projection.collection()).find().forEach(d -> documents.put(d.get("_id"), d));
        return documents;
    }

    private Projection requireProjection(String name) {
        Projection projection = projections.get(name);
        if (projection == null) {
            throw new NotFound("No projection '" + name + "'; these can be replayed: " + String.join(", ", projections.keySet()) + ".");
        }
        return projection;
    }

    void close() {
        monitor.shutdownNow();
    }
}
