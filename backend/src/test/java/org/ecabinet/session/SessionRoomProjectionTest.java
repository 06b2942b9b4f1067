package org.ecabinet.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.ecabinet.events.session.MemberCheckedIn;
import org.ecabinet.events.session.SessionKind;
import org.ecabinet.events.session.SessionPublished;
import org.ecabinet.events.session.SessionScheduled;
import org.ecabinet.session.SessionQueries.FindSessionRoom;
import org.ecabinet.support.EmbeddedStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/** The session room's projection, without Spring: each event folded once, even when a batch is delivered again. */
class SessionRoomProjectionTest {

    static final Instant AT = Instant.parse("2026-12-01T02:00:00Z");

    @RegisterExtension
    final EmbeddedStore store = new EmbeddedStore();
    SessionRoomProjection projection;

    @BeforeEach
    void start() {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules().disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        projection = new SessionRoomProjection(store.database("rooms"), json, SimpleQueryUpdateEmitter.builder().build());
    }

    private void scheduledPublishedAndCheckedIn() {
        projection.on(new SessionScheduled("s-1", "Phiên họp thường kỳ", SessionKind.REGULAR, AT, "Hà Nội", false, "thutuong",
                List.of("thutuong", "member05")), 0, AT);
        projection.on(new SessionPublished("s-1"), 1, AT);
        projection.on(new MemberCheckedIn("s-1", "member05"), 2, AT);
    }

    @Test
    void aSessionScheduledAgainIsNotStartedAfresh() {
        scheduledPublishedAndCheckedIn();

        projection.on(new SessionScheduled("s-1", "Phiên họp thường kỳ", SessionKind.REGULAR, AT, "Hà Nội", false, "thutuong",
                List.of("thutuong", "member05")), 0, AT);

        assertThat(projection.handle(new FindSessionRoom("s-1")).checkedIn).containsExactly("member05");
    }

    @Test
    void eachEventIsFoldedIntoTheRoom() {
        scheduledPublishedAndCheckedIn();

        SessionRoom room = projection.handle(new FindSessionRoom("s-1"));
        assertThat(room.checkedIn).containsExactly("member05");
        assertThat(room.version).isEqualTo(2);
    }

    @Test
    void aBatchDeliveredAgainAfterItsNodeDiedChangesNothing() {
        scheduledPublishedAndCheckedIn();

        // The node that folded the check-in died before it stored its token (which says: after the publication), and the
        // next node folds the check-in again.
        projection.on(new MemberCheckedIn("s-1", "member05"), 2, AT);

        SessionRoom room = projection.handle(new FindSessionRoom("s-1"));
        assertThat(room.checkedIn).as("checked in once").containsExactly("member05");
        assertThat(room.status).isEqualTo(SessionStatus.PUBLISHED);
        assertThat(room.version).isEqualTo(2);
    }
}
