package org.ecabinet.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.ecabinet.events.session.*;
import org.ecabinet.platform.NotFound;
import org.ecabinet.platform.NotPermitted;
import org.ecabinet.platform.RuleViolation;
import org.ecabinet.session.SessionCommands.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CabinetSessionTest {

    static final String SESSION = "s-1";
    static final String ITEM = "i-1";
    static final String ITEM_2 = "i-2";
    static final String CHAIR = "m01";
    static final List<String> MEMBERS = IntStream.rangeClosed(1, 27).mapToObj("m%02d"::formatted).toList();
    static final Instant STARTS = Instant.parse("2026-12-01T01:00:00Z");

    private FixtureConfiguration<CabinetSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(CabinetSession.class);
    }

    static SessionScheduled scheduled() {
        return new SessionScheduled(SESSION, "Phiên họp thường kỳ", SessionKind.REGULAR, STARTS, "Hà Nội", false, CHAIR, MEMBERS);
    }

    static List<Object> published() {
        return List.of(scheduled(), new AgendaItemAdded(SESSION, ITEM, "Báo cáo", "Bộ Tài chính"),
                new AgendaItemAdded(SESSION, ITEM_2, "Nghị định", "Bộ Tư pháp"), new SessionPublished(SESSION));
    }

    static List<Object> checkedIn(int count) {
        List<Object> events = new ArrayList<>(published());
        MEMBERS.stream().limit(count).forEach(m -> events.add(new MemberCheckedIn(SESSION, m)));
        return events;
    }

    static List<Object> opened() {
        List<Object> events = checkedIn(18);
        events.add(new SessionOpened(SESSION, 18, 27));
        return events;
    }

    static List<Object> voteOpenOnItem() {
        List<Object> events = opened();
        events.add(new VoteOpened(SESSION, ITEM));
        return events;
    }

    @Nested
    class Scheduling {
        @Test
        void theSecretariatSchedulesASessionWithTheRosterFrozen() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleSession(SESSION, "Phiên họp thường kỳ", SessionKind.REGULAR, STARTS, "Hà Nội", false, CHAIR, MEMBERS))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(scheduled());
        }

        @Test
        void theChairMustBeOnTheRoster() {
            fixture.givenNoPriorActivity()
                    .when(new ScheduleSession(SESSION, "x", SessionKind.REGULAR, STARTS, null, true, "stranger", MEMBERS))
                    .expectException(RuleViolation.class);
        }

        @Test
        void agendaItemsCanBeAddedReorderedAndRemovedBeforeOpening() {
            fixture.given(published())
                    .when(new ReorderAgenda(SESSION, List.of(ITEM_2, ITEM)))
                    .expectEvents(new AgendaReordered(SESSION, List.of(ITEM_2, ITEM)));
            fixture.given(published())
                    .when(new RemoveAgendaItem(SESSION, ITEM))
                    .expectEvents(new AgendaItemRemoved(SESSION, ITEM));
        }

        @Test
        void aNewOrderMustNameEveryItemOnce() {
            fixture.given(published())
                    .when(new ReorderAgenda(SESSION, List.of(ITEM, ITEM)))
                    .expectException(RuleViolation.class);
        }

        @Test
        void theAgendaIsFrozenOnceOpened() {
            fixture.given(opened())
                    .when(new AddAgendaItem(SESSION, "i-3", "Late item", "Bộ Y tế"))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
            fixture.given(opened())
                    .when(new AttachPaper(SESSION, ITEM, "p", "a.pdf", "ab".repeat(32), 10))
                    .expectException(RuleViolation.class);
        }

        @Test
        void aSessionWithoutAgendaCannotBePublished() {
            fixture.given(scheduled())
                    .when(new PublishSession(SESSION))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("A session without an agenda cannot be published.");
        }

        @Test
        void publishingTwiceIsAnIllegalTransition() {
            fixture.given(published()).when(new PublishSession(SESSION)).expectException(RuleViolation.class);
        }

        @Test
        void cancelAndPostponeOnlyBeforeOpening() {
            fixture.given(published())
                    .when(new CancelSession(SESSION, "Bão"))
                    .expectEvents(new SessionCancelled(SESSION, "Bão"));
            fixture.given(published())
                    .when(new RescheduleSession(SESSION, STARTS.plusSeconds(86400), "Hà Nội", true, "Trùng lịch"))
                    .expectEvents(new SessionRescheduled(SESSION, STARTS.plusSeconds(86400), "Hà Nội", true, "Trùng lịch"));
            fixture.given(opened()).when(new CancelSession(SESSION, "late")).expectException(RuleViolation.class);
        }

        @Test
        void guestsAlreadyOnTheRosterAreNotInvitedTwice() {
            fixture.given(published())
                    .when(new InviteGuests(SESSION, List.of("m02", "guest", "guest")))
                    .expectEvents(new GuestsInvited(SESSION, List.of("guest")));
        }
    }

    @Nested
    class PositionsBeforeTheSession {
        @Test
        void aMemberRecordsAndChangesAPosition() {
            fixture.given(published())
                    .when(new RecordPosition(SESSION, ITEM, "m05", Position.OBJECT, "Chưa đủ căn cứ"))
                    .expectEvents(new PositionRecorded(SESSION, ITEM, "m05", Position.OBJECT, "Chưa đủ căn cứ"));
        }

        @Test
        void objectingNeedsAComment() {
            fixture.given(published())
                    .when(new RecordPosition(SESSION, ITEM, "m05", Position.OBJECT, " "))
                    .expectException(RuleViolation.class);
        }

        @Test
        void onlyRosterMembersRecordPositions() {
            fixture.given(published())
                    .when(new RecordPosition(SESSION, ITEM, "outsider", Position.AGREE, null))
                    .expectException(NotPermitted.class);
        }

        @Test
        void positionsCloseAtTheOpening() {
            fixture.given(opened())
                    .when(new RecordPosition(SESSION, ITEM, "m05", Position.AGREE, null))
                    .expectException(RuleViolation.class);
        }

        @Test
        void positionsNeedAPublishedSession() {
            List<Object> scheduledWithItem = List.of(scheduled(), new AgendaItemAdded(SESSION, ITEM, "Báo cáo", "Bộ Tài chính"));
            fixture.given(scheduledWithItem)
                    .when(new RecordPosition(SESSION, ITEM, "m05", Position.AGREE, null))
                    .expectException(RuleViolation.class);
        }

        @Test
        void anUnknownItemIsNotFound() {
            fixture.given(published())
                    .when(new RecordPosition(SESSION, "nope", "m05", Position.AGREE, null))
                    .expectException(NotFound.class);
        }
    }

    @Nested
    class AttendanceAndQuorum {
        @Test
        void aMemberChecksInOnce() {
            fixture.given(published()).when(new CheckIn(SESSION, "m03")).expectEvents(new MemberCheckedIn(SESSION, "m03"));
            List<Object> already = new ArrayList<>(published());
            already.add(new MemberCheckedIn(SESSION, "m03"));
            fixture.given(already).when(new CheckIn(SESSION, "m03")).expectNoEvents();
        }

        @Test
        void anAbsentMemberMayDelegateADeputy() {
            fixture.given(published())
                    .when(new DeclareAbsence(SESSION, "m09", "Thứ trưởng Nguyễn Văn A", "Công tác nước ngoài"))
                    .expectEvents(new AbsenceDeclared(SESSION, "m09", "Thứ trưởng Nguyễn Văn A", "Công tác nước ngoài"));
        }

        @Test
        void anAbsenceIsWithdrawnBeforeTheOpeningOnly() {
            List<Object> absent = new ArrayList<>(published());
            absent.add(new AbsenceDeclared(SESSION, "m09", "Thứ trưởng Nguyễn Văn A", "Công tác nước ngoài"));
            fixture.given(absent).when(new WithdrawAbsence(SESSION, "m09")).expectEvents(new AbsenceWithdrawn(SESSION, "m09"));
            fixture.given(published()).when(new WithdrawAbsence(SESSION, "m09")).expectException(RuleViolation.class);
            List<Object> opened = new ArrayList<>(checkedIn(18));
            opened.add(new AbsenceDeclared(SESSION, "m27", null, "Ốm"));
            opened.add(new SessionOpened(SESSION, 18, 27));
            fixture.given(opened).when(new WithdrawAbsence(SESSION, "m27")).expectException(RuleViolation.class);
        }

        @Test
        void opensWithTwoThirdsOfAllMembers() {
            fixture.given(checkedIn(18))
                    .when(new OpenSession(SESSION, CHAIR))
                    .expectEvents(new SessionOpened(SESSION, 18, 27));
        }

        @Test
        void refusesToOpenWithoutQuorum() {
            fixture.given(checkedIn(17))
                    .when(new OpenSession(SESSION, CHAIR))
                    .expectException(RuleViolation.class)
                    .expectExceptionMessage("No quorum: 17 of 27 members checked in, at least 18 needed.");
        }

        @Test
        void onlyThisSessionsChairOpensIt() {
            fixture.given(checkedIn(27)).when(new OpenSession(SESSION, "m02")).expectException(NotPermitted.class);
        }

        @Test
        void aScheduledButUnpublishedSessionCannotBeOpened() {
            fixture.given(scheduled()).when(new OpenSession(SESSION, CHAIR)).expectException(RuleViolation.class);
        }
    }

    @Nested
    class Voting {
        @Test
        void anItemPassesWithMoreThanHalfOfAllMembers() {
            List<Object> given = voteOpenOnItem();
            MEMBERS.stream().limit(14).forEach(m -> given.add(new VoteCast(SESSION, ITEM, m, VoteChoice.FOR)));
            fixture.given(given)
                    .when(new CloseVote(SESSION, CHAIR, ITEM))
                    .expectEvents(new VoteClosed(SESSION, ITEM, 14, 0, 0, 27, true));
        }

        @Test
        void aMajorityOfThosePresentIsNotEnough() {
            List<Object> given = voteOpenOnItem();
            MEMBERS.stream().limit(13).forEach(m -> given.add(new VoteCast(SESSION, ITEM, m, VoteChoice.FOR)));
            MEMBERS.stream().skip(13).limit(2).forEach(m -> given.add(new VoteCast(SESSION, ITEM, m, VoteChoice.AGAINST)));
            fixture.given(given)
                    .when(new CloseVote(SESSION, CHAIR, ITEM))
                    .expectEvents(new VoteClosed(SESSION, ITEM, 13, 2, 0, 27, false));
        }

        @Test
        void onExactlyHalfTheChairsSidePrevails() {
            List<String> even = MEMBERS.subList(0, 26);
            List<Object> given = new ArrayList<>(List.of(
                    new SessionScheduled(SESSION, "t", SessionKind.REGULAR, STARTS, null, true, CHAIR, even),
                    new AgendaItemAdded(SESSION, ITEM, "x", "y"), new SessionPublished(SESSION)));
            even.forEach(m -> given.add(new MemberCheckedIn(SESSION, m)));
            given.add(new SessionOpened(SESSION, 26, 26));
            given.add(new VoteOpened(SESSION, ITEM));
            even.subList(0, 13).forEach(m -> given.add(new VoteCast(SESSION, ITEM, m, VoteChoice.FOR)));
            even.subList(13, 26).forEach(m -> given.add(new VoteCast(SESSION, ITEM, m, VoteChoice.AGAINST)));
            fixture.given(given)
                    .when(new CloseVote(SESSION, CHAIR, ITEM))
                    .expectEvents(new VoteClosed(SESSION, ITEM, 13, 13, 0, 26, true));

            List<Object> chairAgainst = new ArrayList<>(given);
            chairAgainst.add(new VoteCast(SESSION, ITEM, CHAIR, VoteChoice.AGAINST));
            chairAgainst.add(new VoteCast(SESSION, ITEM, "m14", VoteChoice.FOR));
            fixture.given(chairAgainst)
                    .when(new CloseVote(SESSION, CHAIR, ITEM))
                    .expectEvents(new VoteClosed(SESSION, ITEM, 13, 13, 0, 26, false));
        }

        @Test
        void aMemberMayChangeTheVoteWhileOpenAndTheLastCounts() {
            List<Object> given = voteOpenOnItem();
            MEMBERS.stream().limit(14).forEach(m -> given.add(new VoteCast(SESSION, ITEM, m, VoteChoice.FOR)));
            given.add(new VoteCast(SESSION, ITEM, "m01", VoteChoice.AGAINST));
            fixture.given(given)
                    .when(new CloseVote(SESSION, CHAIR, ITEM))
                    .expectEvents(new VoteClosed(SESSION, ITEM, 13, 1, 0, 27, false));
        }

        @Test
        void votingOnAClosedItemIsRefused() {
            List<Object> given = voteOpenOnItem();
            given.add(new VoteClosed(SESSION, ITEM, 0, 0, 0, 27, false));
            fixture.given(given).when(new CastVote(SESSION, ITEM, "m02", VoteChoice.FOR)).expectException(RuleViolation.class);
            fixture.given(given).when(new OpenVote(SESSION, CHAIR, ITEM)).expectException(RuleViolation.class);
        }

        @Test
        void membersWhoDidNotCheckInCannotVote() {
            fixture.given(voteOpenOnItem())
                    .when(new CastVote(SESSION, ITEM, "m27", VoteChoice.FOR))
                    .expectException(RuleViolation.class);
        }

        @Test
        void oneVoteAtATimeAndTheRefusalNamesTheOpenItemByItsTitle() {
            fixture.given(voteOpenOnItem()).when(new OpenVote(SESSION, CHAIR, ITEM_2))
                    .expectException(new org.hamcrest.CustomTypeSafeMatcher<RuleViolation>("session.vote-open naming item \"Báo cáo\"") {
                        @Override
                        protected boolean matchesSafely(RuleViolation refused) {
                            return refused.code().equals("session.vote-open") && refused.arguments().equals(java.util.Map.of("item", "Báo cáo"));
                        }
                    });
        }

        @Test
        void itemsWithoutObjectionAreAdoptedAsABlock() {
            List<Object> given = new ArrayList<>(published());
            given.add(new PositionRecorded(SESSION, ITEM, "m02", Position.AGREE, null));
            given.add(new PositionRecorded(SESSION, ITEM_2, "m03", Position.WISH_TO_DISCUSS, "Cần thảo luận"));
            MEMBERS.stream().limit(18).forEach(m -> given.add(new MemberCheckedIn(SESSION, m)));
            given.add(new SessionOpened(SESSION, 18, 27));
            fixture.given(given)
                    .when(new AdoptItemsWithoutDiscussion(SESSION, CHAIR, List.of(ITEM)))
                    .expectEvents(new ItemsAdoptedWithoutDiscussion(SESSION, List.of(ITEM)));
            fixture.given(given)
                    .when(new AdoptItemsWithoutDiscussion(SESSION, CHAIR, List.of(ITEM, ITEM_2)))
                    .expectException(RuleViolation.class)
                    .expectNoEvents();
        }

        @Test
        void theChairRecordsConclusionsAndClosesTheSession() {
            fixture.given(opened())
                    .when(new RecordConclusion(SESSION, CHAIR, ITEM, "Thống nhất thông qua"))
                    .expectEvents(new ConclusionRecorded(SESSION, ITEM, "Thống nhất thông qua"));
            fixture.given(opened()).when(new CloseSession(SESSION, CHAIR)).expectEvents(new SessionClosed(SESSION));
        }

        @Test
        void aSessionCannotCloseWhileAVoteIsOpen() {
            fixture.given(voteOpenOnItem()).when(new CloseSession(SESSION, CHAIR)).expectException(RuleViolation.class);
        }

        @Test
        void nothingHappensInAClosedSession() {
            List<Object> closed = opened();
            closed.add(new SessionClosed(SESSION));
            fixture.given(closed).when(new OpenVote(SESSION, CHAIR, ITEM)).expectException(RuleViolation.class);
            fixture.given(closed).when(new CheckIn(SESSION, "m20")).expectException(RuleViolation.class);
            fixture.given(closed).when(new CloseSession(SESSION, CHAIR)).expectException(RuleViolation.class);
        }

        @Test
        void signedMinutesAreAttachedOnceAfterTheClose() {
            List<Object> closed = opened();
            closed.add(new SessionClosed(SESSION));
            var minutes = new AttachSignedMinutes(SESSION, "doc-1", "bien-ban.pdf", "a".repeat(64), 1234, "secretariat");
            fixture.given(closed).when(minutes)
                    .expectEvents(new MinutesSigned(SESSION, "doc-1", "bien-ban.pdf", "a".repeat(64), 1234, "secretariat"));
            closed.add(new MinutesSigned(SESSION, "doc-1", "bien-ban.pdf", "a".repeat(64), 1234, "secretariat"));
            fixture.given(closed).when(minutes).expectException(RuleViolation.class);
        }

        @Test
        void minutesWaitForTheClose() {
            fixture.given(opened())
                    .when(new AttachSignedMinutes(SESSION, "doc-1", "bien-ban.pdf", "a".repeat(64), 1234, "secretariat"))
                    .expectException(RuleViolation.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("after the session closes"));
        }
    }
}
