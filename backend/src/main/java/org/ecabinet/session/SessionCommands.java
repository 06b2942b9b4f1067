package org.ecabinet.session;

import java.time.Instant;
import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ecabinet.events.session.Position;
import org.ecabinet.events.session.SessionKind;
import org.ecabinet.events.session.VoteChoice;

/**
 * What can be asked of a {@link CabinetSession}. The acting member is always the authenticated user,
 * filled in by the API, never taken from a request body.
 */
final class SessionCommands {

    private SessionCommands() {
    }

    record ScheduleSession(@TargetAggregateIdentifier String sessionId, String title, SessionKind kind, Instant startsAt,
                           String location, boolean online, String chairId, List<String> members) {
    }

    record RescheduleSession(@TargetAggregateIdentifier String sessionId, Instant startsAt, String location,
                             boolean online, String reason) {
    }

    record CancelSession(@TargetAggregateIdentifier String sessionId, String reason) {
    }

    record AddAgendaItem(@TargetAggregateIdentifier String sessionId, String itemId, String title, String presentingAgency) {
    }

    record RemoveAgendaItem(@TargetAggregateIdentifier String sessionId, String itemId) {
    }

    record ReorderAgenda(@TargetAggregateIdentifier String sessionId, List<String> itemIds) {
    }

    record AttachPaper(@TargetAggregateIdentifier String sessionId, String itemId, String paperId, String fileName,
                       String sha256, long size) {
    }

    record InviteGuests(@TargetAggregateIdentifier String sessionId, List<String> userIds) {
    }

    record PublishSession(@TargetAggregateIdentifier String sessionId) {
    }

    record RecordPosition(@TargetAggregateIdentifier String sessionId, String itemId, String memberId, Position position,
                          String comment) {
    }

    record DeclareAbsence(@TargetAggregateIdentifier String sessionId, String memberId, String delegate, String reason) {
    }

    record WithdrawAbsence(@TargetAggregateIdentifier String sessionId, String memberId) {
    }

    record CheckIn(@TargetAggregateIdentifier String sessionId, String memberId) {
    }

    record OpenSession(@TargetAggregateIdentifier String sessionId, String chairId) {
    }

    record AdoptItemsWithoutDiscussion(@TargetAggregateIdentifier String sessionId, String chairId, List<String> itemIds) {
    }

    record OpenVote(@TargetAggregateIdentifier String sessionId, String chairId, String itemId) {
    }

    record CastVote(@TargetAggregateIdentifier String sessionId, String itemId, String memberId, VoteChoice choice) {
    }

    record CloseVote(@TargetAggregateIdentifier String sessionId, String chairId, String itemId) {
    }

    record RecordConclusion(@TargetAggregateIdentifier String sessionId, String chairId, String itemId, String text) {
    }

    record CloseSession(@TargetAggregateIdentifier String sessionId, String chairId) {
    }

    record AttachSignedMinutes(@TargetAggregateIdentifier String sessionId, String documentId, String fileName, String sha256,
                               long size, String signedBy) {
    }
}
