package org.ecabinet.events.session;

import java.util.List;

import org.axonframework.serialization.Revision;

/** People besides the cabinet members were invited: they read the papers and attend, but do not vote. */
@Revision("1")
public record GuestsInvited(String sessionId, List<String> userIds) implements SessionEvent {
    public GuestsInvited {
        userIds = List.copyOf(userIds);
    }
}
