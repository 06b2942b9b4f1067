package org.ecabinet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConflictRetryTest {

    private final ConflictRetry retry = ConflictRetry.create();
    private final CommandMessage<String> command = GenericCommandMessage.asCommandMessage("answer");

    @AfterEach
    void stop() {
        retry.shutdown();
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[] {ConcurrencyException.class});
        }
        return failures;
    }

    @Test
    void aCommandThatLostARaceForItsAggregateIsSentAgain() throws InterruptedException {
        CountDownLatch sentAgain = new CountDownLatch(1);
        RuntimeException lost = new RuntimeException("commit failed", new ConcurrencyException("sequence 7 is taken"));

        assertThat(retry.scheduleRetry(command, lost, failures(1), sentAgain::countDown)).isTrue();
        assertThat(sentAgain.await(2, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aRefusalIsTheAnswerAndIsNeverSentAgain() {
        assertThat(retry.scheduleRetry(command, new RuleViolation("ballot.closed", "The ballot is closed."), failures(1), () -> { })).isFalse();
        assertThat(retry.scheduleRetry(command, new IllegalStateException("store down"), failures(1), () -> { })).isFalse();
    }

    @Test
    void afterTheLastRetryTheConflictIsTheAnswer() {
        assertThat(retry.scheduleRetry(command, new ConcurrencyException("taken"), failures(ConflictRetry.RETRIES), () -> { })).isTrue();
        assertThat(retry.scheduleRetry(command, new ConcurrencyException("taken"), failures(ConflictRetry.RETRIES + 1), () -> { })).isFalse();
    }

    @Test
    void pausesGrowAndAreSpreadAtRandomSoThatTwoNodesDoNotCollideAgainInStep() {
        for (int attempt = 1; attempt <= 4; attempt++) {
            long base = 10L << (attempt - 1);
            List<Long> pauses = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                pauses.add(retry.computeRetryInterval(command, new ConcurrencyException("taken"), failures(attempt)));
            }
            assertThat(pauses).allMatch(p -> p >= base && p <= 2 * base);
            assertThat(pauses.stream().distinct().count()).as("spread, not one fixed pause").isGreaterThan(3);
        }
    }

    @Test
    void pausesStopGrowingSoThatAllRetriesTogetherWaitUnderThreeSeconds() {
        long longestWait = 0;
        for (int attempt = 1; attempt <= ConflictRetry.RETRIES; attempt++) {
            long longest = 0;
            for (int i = 0; i < 200; i++) {
                longest = Math.max(longest, retry.computeRetryInterval(command, new ConcurrencyException("taken"), failures(attempt)));
            }
            assertThat(longest).as("pause before retry %d", attempt).isLessThanOrEqualTo(320);
            longestWait += longest;
        }
        assertThat(longestWait).isLessThan(3000);
    }
}
