package org.ecabinet.events.dispatch;

import java.util.List;

import org.axonframework.serialization.Revision;

/** The signed document left for its recipient organisations over the axis. */
@Revision("1")
public record DocumentDispatched(String documentId, List<String> recipients) implements DispatchEvent {
    public DocumentDispatched {
        recipients = List.copyOf(recipients);
    }
}
