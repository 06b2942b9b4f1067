package org.ecabinet.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

class CausesTest {

    @Test
    void aKindWrappedByTheGatewayAndAFutureIsFound() {
        var wrapped = new CompletionException(new CommandExecutionException("failed", new ConcurrencyException("taken")));
        assertThat(Causes.include(wrapped, ConcurrencyException.class)).isTrue();
        assertThat(Causes.include(wrapped, IllegalStateException.class)).isFalse();
    }

    @Test
    void anAggregateCreatedFirstElsewhereIsNamedSoAndARefusalIsNot() {
        assertThat(Causes.aggregateAlreadyStored(new CompletionException(new AggregateStreamCreationException("exists")))).isTrue();
        assertThat(Causes.aggregateAlreadyStored(new ConcurrencyException("sequence taken"))).isTrue();
        assertThat(Causes.aggregateAlreadyStored(new RuleViolation("ballot.closed", "The ballot is closed."))).isFalse();
        assertThat(Causes.aggregateAlreadyStored(null)).isFalse();
    }
}
