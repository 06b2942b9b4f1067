package org.ecabinet.events.account;

import org.axonframework.serialization.Revision;

/** An administrator set a temporary password, which the user must change at their next sign-in. */
@Revision("1")
public record UserPasswordReset(String userId) implements AccountEvent {
}
