package org.ecabinet.events.session;

import org.axonframework.serialization.Revision;

/** The chair opened the session with a quorum of at least two thirds of all members. */
@Revision("1")
public record SessionOpened(String sessionId, int present, int members) implements SessionEvent {
}
