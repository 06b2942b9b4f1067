package org.ecabinet.events.account;

import org.axonframework.serialization.Revision;

/** The user can no longer sign in, and tokens issued before stop working. */
@Revision("1")
public record UserAccountDisabled(String userId, String reason) implements AccountEvent {
}
