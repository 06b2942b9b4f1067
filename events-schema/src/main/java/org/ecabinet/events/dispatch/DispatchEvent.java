package org.ecabinet.events.dispatch;

import org.ecabinet.events.CabinetEvent;

/** An event in the life of one official document sent from one agency to others over the axis (văn bản đi). */
public interface DispatchEvent extends CabinetEvent {
    String documentId();
}
