package org.ecabinet.events.account;

import org.axonframework.serialization.Revision;

/** The user chose a new password themselves. */
@Revision("1")
public record UserPasswordChanged(String userId) implements AccountEvent {
}
