package org.ecabinet.session;

import java.time.Instant;
import java.util.List;

import org.ecabinet.events.session.Position;
import org.ecabinet.events.session.SessionKind;
import org.ecabinet.events.session.VoteChoice;

import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Bodies of the session API, validated field by field before any command is sent. */
final class SessionRequests {

    private SessionRequests() {
    }

    record Schedule(@NotBlank @Size(max = 300) String title,
                    @NotNull SessionKind kind,
                    @NotNull @Future Instant startsAt,
                    @Size(max = 300) String location,
                    boolean online) {
    }

    record Reschedule(@NotNull @Future Instant startsAt,
                      @Size(max = 300) String location,
                      boolean online,
                      @NotBlank @Size(max = 1000) String reason) {
    }

    record Cancel(@NotBlank @Size(max = 1000) String reason) {
    }

    record NewAgendaItem(@NotBlank @Size(max = 500) String title,
                         @NotBlank @Size(max = 300) String presentingAgency) {
    }

    record AgendaOrder(@NotEmpty @Size(max = 200) List<@NotBlank @Size(max = 64) String> itemIds) {
    }

    record Guests(@NotEmpty @Size(max = 200) List<@NotBlank @Size(max = 100) String> userIds) {
    }

    record PositionOnItem(@NotNull Position position, @Size(max = 4000) String comment) {
    }

    record Absence(@Size(max = 300) String delegate, @NotBlank @Size(max = 1000) String reason) {
    }

    record ItemsToAdopt(@NotEmpty @Size(max = 200) List<@NotBlank @Size(max = 64) String> itemIds) {
    }

    record Ballot(@NotNull VoteChoice choice) {
    }

    record Conclusion(@NotBlank @Size(max = 10000) String text) {
    }

    record Created(String id) {
    }
}
