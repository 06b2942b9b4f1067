package org.ecabinet.events.session;

import org.ecabinet.events.CabinetEvent;

/** An event in the life of one cabinet session (phiên họp Chính phủ). */
public interface SessionEvent extends CabinetEvent {
    String sessionId();
}
