package org.ecabinet.events.ballot;

/** Why a ballot closed. */
public enum CloseReason {
    DEADLINE, ALL_ANSWERED, SECRETARIAT
}
