package org.ecabinet.platform;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;

import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.AbstractRetryScheduler;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Retries a command that lost a race for its aggregate to another node: Axon's {@link ConcurrencyException}, the
 * sequence it was about to store was stored first by someone else. The retry loads the aggregate anew, so the
 * command is decided on the state that won — an answer is counted, a check-in that is now a repetition is refused
 * by the aggregate's own rule. Nothing else is retried: a refusal, bad input or a store failure is the answer.
 * At most {@value #RETRIES} retries, after 10, 20, 40, 80 and then every 160 ms, each plus up to as much again at
 * random, so that two nodes that collided do not collide again in step. The count is that high because a retry
 * queues behind its own node's other commands for the aggregate: under a burst a command can lose once for each
 * command sent with it (CI saw one lose six times in a burst of 54 from two nodes); the wait stays under three seconds.
 */
final class ConflictRetry extends AbstractRetryScheduler {

    static final int RETRIES = 12;
    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ConflictRetry.class);
    private static final long FIRST_MILLIS = 10;
    private static final int MAX_DOUBLINGS = 4;

    private final ScheduledExecutorService executor;

    private ConflictRetry(Builder builder, ScheduledExecutorService executor) {
        super(builder);
        this.executor = executor;
    }

    /** Not a bean of its own: Spring would take a lone ScheduledExecutorService bean for its @Scheduled tasks. */
    static ConflictRetry create() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "command-retry"));
        return new ConflictRetry(new Builder().retryExecutor(executor).maxRetryCount(RETRIES)
                .nonTransientFailurePredicate(failure -> false), executor); // decided whole, in scheduleRetry below
    }

    void shutdown() {
        executor.shutdownNow();
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (!Causes.include(lastFailure, ConcurrencyException.class) || !super.scheduleRetry(commandMessage, lastFailure, failures, dispatchTask)) {
            return false;
        }
        log.info("{} lost a race for its aggregate to another writer: sent again ({} of {})",
                commandMessage.getPayloadType().getSimpleName(), failures.size(), RETRIES);
        return true;
    }

    @Override
    protected long computeRetryInterval(CommandMessage commandMessage, RuntimeException lastFailure, List<Class<? extends Throwable>[]> failures) {
        long base = FIRST_MILLIS << Math.min(Math.max(failures.size() - 1, 0), MAX_DOUBLINGS);
        return base + ThreadLocalRandom.current().nextLong(base + 1);
    }

    static final class Builder extends AbstractRetryScheduler.Builder<Builder> {
    }

    @Configuration(proxyBeanMethods = false)
    static class Gateway {

        @Bean(destroyMethod = "shutdown")
        ConflictRetry conflictRetry() {
            return ConflictRetry.create();
        }

        /** Axon's gateway, with the retry above (its auto-configured one has none). */
        @Bean
        CommandGateway commandGateway(CommandBus commandBus, ConflictRetry conflictRetry) {
            return DefaultCommandGateway.builder().commandBus(commandBus).retryScheduler(conflictRetry).build();
        }
    }
}
