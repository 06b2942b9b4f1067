package org.ecabinet.events.account;

import org.axonframework.serialization.Revision;

/** A disabled account may sign in again. */
@Revision("1")
public record UserAccountEnabled(String userId) implements AccountEvent {
}
