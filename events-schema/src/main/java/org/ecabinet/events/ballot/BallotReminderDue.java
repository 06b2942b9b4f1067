package org.ecabinet.events.ballot;

import org.axonframework.serialization.Revision;

import java.util.List;

/** A reminder time came ({@code reminder}: how long before the deadline); {@code pendingMembers} had not answered yet. */
@Revision("1")
public record BallotReminderDue(String ballotId, String reminder, List<String> pendingMembers) implements BallotEvent {
    public BallotReminderDue {
        pendingMembers = List.copyOf(pendingMembers);
    }
}
