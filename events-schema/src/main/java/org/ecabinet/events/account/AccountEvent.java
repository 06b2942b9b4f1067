package org.ecabinet.events.account;

import org.ecabinet.events.CabinetEvent;

/**
 * An event in the life of one user account: who may sign in, with which roles, and with which signing
 * certificates. Who made the change and from where is in the event's metadata, like every other event's.
 */
public interface AccountEvent extends CabinetEvent {
    String userId();
}
