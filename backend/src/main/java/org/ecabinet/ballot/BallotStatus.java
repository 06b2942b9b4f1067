package org.ecabinet.ballot;

/** Where a ballot is in its life. */
public enum BallotStatus {
    OPEN, CLOSED, WITHDRAWN
}
