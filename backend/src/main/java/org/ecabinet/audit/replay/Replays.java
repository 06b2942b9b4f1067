package org.ecabinet.audit.replay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.ecabinet.platform.cluster.ClusterNodes;
import org.ecabinet.platform.storage.StoredEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;

import reactor.core.publisher.Flux;
import reactor.core.scheduler.Schedulers;

/**
 * Rebuilds a projection from the event store on an auditor's request: keeps a copy of the projection as
 * it is, resets the processor's token (its reset handler empties the projection) and lets it replay
 * everything, reporting progress (events done of total, rate, time left) as it goes, then compares the
 * rebuilt projection with the copy, document by document. Only {@link Projection}s can be replayed:
 * processors with side effects cannot be named here, and their handlers are marked not to run on replay.
 *
 * <p>With several nodes, only the node whose processor holds the projection's claim can reset it: a request made on
 * any node is put on the {@link ReplayBoard}, and the node that runs the projection takes it (every node looks every
 * {@link #LOOK_EVERY}); the progress is written there, for followers on every node. A replay whose node dies is
 * ended as failed by another node (the projection goes on rebuilding where the dead node's token was, but the copy
 * to compare with was in that node's memory).
 */
class Replays {

    private static final Logger log = LoggerFactory.getLogger(Replays.class);
    private static final int MAX_DIFFERENCES = 100;
    static final Duration LOOK_EVERY = Duration.ofMillis(250);
    /** After this, a request no node has taken is tried by any node: perhaps none runs the projection. */
    private static final Duration UNTAKEN = Duration.ofSeconds(30);

    enum State {
        REQUESTED, RUNNING, FINISHED, FAILED;

        boolean over() {
            return this == FINISHED || this == FAILED;
        }
    }

    /** Why a replay failed: codes a screen translates (the cause itself is in the log). */
    static final String ANOTHER_NODE_RUNS_IT = "replay.other-node";
    static final String NODE_STOPPED = "replay.node-stopped";
    static final String REPLAY_FAILED = "replay.failed";

    record Difference(String documentId, String change) {
    }

    /**
     * @param eventsDuringReplay events appended while the replay ran: when not zero, a difference may be a
     *                           change made in the meantime rather than a fault of the projection
     * @param failure            why it failed, one of the codes above
     */
    record Progress(String projection, State state, String startedBy, Instant startedAt, long total, long done,
                    double eventsPerSecond, Long secondsLeft, Instant finishedAt, Integer documentsBefore, Integer documentsAfter,
                    List<Difference> differences, long eventsDuringReplay, String failure) {

        static Progress requested(String projection, String by, Instant at) {
            return new Progress(projection, State.REQUESTED, by, at, 0, 0, 0, null, null, null, null, List.of(), 0, null);
        }

        Progress failed(String why, Instant at) {
            return new Progress(projection, State.FAILED, startedBy, startedAt, total, done, eventsPerSecond, null, at, documentsBefore, null,
                    List.of(), 0, why);
        }
    }

    private final Map<String, Projection> projections = new LinkedHashMap<>();
    private final EventProcessingConfiguration processing;
    private final MongoDatabase database;
    private final StoredEvents store;
    private final ReplayBoard board;
    private final ClusterNodes nodes;
    private final Clock clock;
    private final ScheduledExecutorService monitor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "replay-monitor"));

    Replays(List<Projection> projections, EventProcessingConfiguration processing, MongoDatabase database, StoredEvents store,
            ClusterNodes nodes, ObjectMapper json, Clock clock) {
        projections.forEach(p -> this.projections.put(p.processingGroup(), p));
        this.processing = processing;
        this.database = database;
        this.store = store;
        this.board = new ReplayBoard(database, json);
        this.nodes = nodes;
        this.clock = clock;
    }

    void start() {
        monitor.scheduleWithFixedDelay(() -> {
            try {
                lookAtTheBoard();
            } catch (RuntimeException e) {
                log.warn("Could not look at the replays asked for; looks again: {}", e.toString());
            }
        }, LOOK_EVERY.toMillis(), LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    List<String> projections() {
        return List.copyOf(projections.keySet());
    }

    Optional<Progress> latest(String name) {
        requireProjection(name);
        return board.find(name).map(ReplayBoard.Entry::progress);
    }

    /** Progress of the projection's replay, run by whichever node: the latest state at once, then every change until it ends. */
    Flux<Progress> follow(String name) {
        requireProjection(name);
        return Flux.interval(Duration.ZERO, LOOK_EVERY, Schedulers.boundedElastic())
                .map(tick -> board.find(name))
                .takeWhile(Optional::isPresent)
                .map(Optional::get)
                .distinctUntilChanged(ReplayBoard.Entry::version)
                .map(ReplayBoard.Entry::progress)
                .takeUntil(progress -> progress.state().over());
    }

    /** Asks for a replay, and runs it at once when this node runs the projection; otherwise the node that does takes it. */
    Progress start(String name, String startedBy) {
        requireProjection(name);
        processor(name);
        Progress requested = Progress.requested(name, startedBy, clock.instant());
        if (!board.request(requested)) {
            throw new RuleViolation("replay.running", "The projection '" + name + "' is already being replayed.");
        }
        if (runsHere(name)) {
            take(requested);
        }
        return latest(name).orElse(requested);
    }

    /** Takes what waits for this node, and ends as failed what a dead node was running. */
    private void lookAtTheBoard() {
        Instant now = clock.instant();
        for (ReplayBoard.Entry entry : board.unfinished()) {
            Progress progress = entry.progress();
            if (!projections.containsKey(progress.projection())) {
                continue; // a projection of another version of the backend
            }
            if (progress.state() == State.REQUESTED
                    && (runsHere(progress.projection()) || progress.startedAt().plus(UNTAKEN).isBefore(now))) {
                take(progress);
            } else if (progress.state() == State.RUNNING && entry.runner() != null && !nodes.alive(entry.runner())) {
                log.warn("The node {} that replayed {} stopped before the replay ended", entry.runner(), progress.projection());
                board.fail(entry, progress.failed(NODE_STOPPED, now));
            }
        }
    }

    /** Whether this node's processor holds the projection's claim: only it can reset the projection. */
    private boolean runsHere(String name) {
        TrackingEventProcessor processor = processor(name);
        return processor.isRunning() && !processor.processingStatus().isEmpty();
    }

    private TrackingEventProcessor processor(String name) {
        return processing.eventProcessor(name, TrackingEventProcessor.class)
                .orElseThrow(() -> new NotFound("No tracking processor '" + name + "'."));
    }

    private synchronized void take(Progress requested) {
        String name = requested.projection();
        if (!board.take(name, nodes.self())) {
            return; // another node took it, or this node already did
        }
        Projection projection = requireProjection(name);
        TrackingEventProcessor processor = processor(name);
        Map<Object, Document> before = documents(projection);
        long total = store.lastStored() + 1;
        Instant startedAt = clock.instant();
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException heldElsewhere) {
            // Another node claimed the projection in the moment this one's processor was stopped: this one goes on as it was.
            processor.start();
            log.warn("Replay of {} not run: another node holds the projection's claim", name);
            board.publish(nodes.self(), requested.failed(ANOTHER_NODE_RUNS_IT, clock.instant()));
            return;
        }
        processor.start();
        log.info("{} replays projection {} over {} indexes", requested.startedBy(), name, total);
        Progress first = new Progress(name, State.RUNNING, requested.startedBy(), startedAt, total, 0, 0, null, null, before.size(), null,
                List.of(), 0, null);
        board.publish(nodes.self(), first);
        ScheduledFuture<?>[] task = new ScheduledFuture<?>[1];
        task[0] = monitor.scheduleWithFixedDelay(() -> {
            try {
                if (check(projection, processor, first, before)) {
                    task[0].cancel(false);
                }
            } catch (RuntimeException e) {
                log.warn("Replay of {} failed", name, e);
                board.publish(nodes.self(), first.failed(REPLAY_FAILED, clock.instant()));
                task[0].cancel(false);
            }
        }, 100, LOOK_EVERY.toMillis(), TimeUnit.MILLISECONDS);
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
            board.publish(nodes.self(), new Progress(start.projection(), State.RUNNING, start.startedBy(), start.startedAt(), start.total(),
                    Math.min(done, start.total()), rate, left, null, start.documentsBefore(), null, List.of(), 0, null));
            return false;
        }
        Map<Object, Document> after = documents(projection);
        board.publish(nodes.self(), new Progress(start.projection(), State.FINISHED, start.startedBy(), start.startedAt(), start.total(),
                start.total(), start.total() / seconds, 0L, now, before.size(), after.size(), differences(before, after),
                store.lastStored() + 1 - start.total(), null));
        return true;
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
