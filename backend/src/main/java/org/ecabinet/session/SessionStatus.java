package org.ecabinet.session;

public enum SessionStatus {
    SCHEDULED, PUBLISHED, OPENED, CLOSED, CANCELLED;

    boolean beforeOpening() {
        return this == SCHEDULED || this == PUBLISHED;
    }
}
