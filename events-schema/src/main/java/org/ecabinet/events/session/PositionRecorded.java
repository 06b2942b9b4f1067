package org.ecabinet.events.session;

import org.axonframework.serialization.Revision;

/** A member recorded (or changed) a position on an item before the opening. */
@Revision("1")
public record PositionRecorded(String sessionId, String itemId, String memberId, Position position, String comment) implements SessionEvent {
}
