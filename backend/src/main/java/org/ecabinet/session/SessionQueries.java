package org.ecabinet.session;

/** Queries answered by the {@link SessionRoomProjection}. */
final class SessionQueries {

    private SessionQueries() {
    }

    record FindSessionRoom(String sessionId) {
    }

    record ListSessionRooms() {
    }
}
