package org.ecabinet.ui.audit;

import java.util.List;

/**
 * The names of the events an auditor can search for, as the backend records them; each is worded for the auditor
 * by {@code event.<name>} in the bundles. A test holds this list to the records of events-schema.
 */
final class EventTypes {

    static final List<String> ALL = List.of(
            "AbsenceDeclared",
            "AbsenceWithdrawn",
            "AgendaItemAdded",
            "AgendaItemRemoved",
            "AgendaReordered",
            "AnswerSubmitted",
            "BallotClosed",
            "BallotDeadlineExtended",
            "BallotIssued",
            "BallotReminderDue",
            "BallotResultPublished",
            "BallotWithdrawn",
            "ConclusionRecorded",
            "DocumentAccepted",
            "DocumentAssigned",
            "DocumentDelivered",
            "DocumentDispatched",
            "DocumentProcessingCompleted",
            "DocumentProcessingStarted",
            "DocumentRegistered",
            "DocumentRejected",
            "DocumentRevised",
            "DocumentSigned",
            "GuestsInvited",
            "ItemsAdoptedWithoutDiscussion",
            "MemberCheckedIn",
            "MinutesSigned",
            "PaperAttached",
            "PositionRecorded",
            "RecallAnswered",
            "RecallRequested",
            "SessionCancelled",
            "SessionClosed",
            "SessionOpened",
            "SessionPublished",
            "SessionRescheduled",
            "SessionScheduled",
            "SigningCertificateImported",
            "SigningCertificateIssued",
            "SigningCertificateRevoked",
            "UserAccountCreated",
            "UserAccountDisabled",
            "UserAccountEnabled",
            "UserPasswordChanged",
            "UserPasswordReset",
            "UserRolesChanged",
            "VoteCast",
            "VoteClosed",
            "VoteOpened");

    private EventTypes() {
    }
}
