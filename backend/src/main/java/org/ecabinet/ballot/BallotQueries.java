package org.ecabinet.ballot;

/** Queries answered by the {@link BallotProjection}. */
final class BallotQueries {

    private BallotQueries() {
    }

    record FindBallot(String ballotId) {
    }

    record ListBallots() {
    }
}
