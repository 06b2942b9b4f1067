package org.ecabinet.platform.storage;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.ecabinet.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two nodes that loaded the same aggregate both try to append its next event: the store takes one and
 * refuses the other with a {@link ConcurrencyException}, which the API answers with 409. No action is
 * silently lost.
 */
class EventStoreConcurrencyTest extends ApiTest {

    @Autowired
    EventStorageEngine engine;

    @Test
    void theSecondWriterOfTheSameSequenceNumberIsRefused() {
        String aggregate = "concurrency-" + System.nanoTime();
        engine.appendEvents(new GenericDomainEventMessage<>("CabinetSession", aggregate, 0, "created"));
        engine.appendEvents(new GenericDomainEventMessage<>("CabinetSession", aggregate, 1, "first node"));
        assertThatThrownBy(() -> engine.appendEvents(new GenericDomainEventMessage<>("CabinetSession", aggregate, 1, "second node")))
                .isInstanceOf(ConcurrencyException.class);
        assertThatThrownBy(() -> engine.appendEvents(new GenericDomainEventMessage<>("CabinetSession", aggregate, 0, "created again")))
                .isInstanceOf(AggregateStreamCreationException.class);
    }
}
