package org.ecabinet.events.session;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/** The secretariat scheduled a session; {@code members} is the cabinet roster frozen at scheduling, the base of quorum and majority. */
@Revision("1")
public record SessionScheduled(String sessionId, String title, SessionKind kind, Instant startsAt, String location, boolean online, String chairId, List<String> members) implements SessionEvent {
    public SessionScheduled {
        members = List.copyOf(members);
    }
}
