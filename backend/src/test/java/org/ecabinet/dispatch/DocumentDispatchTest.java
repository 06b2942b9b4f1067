package org.ecabinet.dispatch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.ecabinet.dispatch.DispatchCommands.*;
import org.ecabinet.events.dispatch.*;
import org.ecabinet.platform.NotPermitted;
import org.ecabinet.platform.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules of an official document's journey, given/when/then. */
class DocumentDispatchTest {

    static final String DOC = "doc-1";
    static final String G22 = "000.00.00.G22";
    static final String G12 = "000.00.00.G12";
    static final String H29 = "000.00.00.H29";
    static final Staff SENDER = new Staff("clerk.g22", "Văn thư VPCP", G22);
    static final Staff FINANCE = new Staff("clerk.g12", "Văn thư Bộ Tài chính", G12);
    static final Staff HANOI = new Staff("clerk.h29", "Văn thư UBND TP Hà Nội", H29);
    static final DocumentFile PDF = new DocumentFile("f-1", "7816-VPCP-TTDT.pdf", "ab".repeat(32), 4096);
    static final DocumentFile SIGNED = new DocumentFile("f-2", "7816-VPCP-TTDT.signed.pdf", "cd".repeat(32), 9000);
    static final Instant SIGNED_AT = Instant.parse("2026-11-25T02:00:00Z");
    static final List<String> HERE = List.of(G22, G12, H29, "000.00.00.G23");

    FixtureConfiguration<DocumentDispatch> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DocumentDispatch.class);
    }

    static DocumentRegistered registered(Confidentiality confidentiality) {
        return new DocumentRegistered(DOC, G22, "7816", "VPCP-TTĐT", "Công văn", "V/v triển khai Hệ thống e-Cabinet", "Hà Nội",
                LocalDate.of(2026, 11, 24), new SignerInfo("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "Phó Chủ nhiệm", "Nguyễn Văn A"), Urgency.URGENT,
                confidentiality, LocalDate.of(2026, 12, 15), PDF, 3, List.of(), null);
    }

    static DocumentSigned signed(int version) {
        return new DocumentSigned(DOC, version, SIGNED, SENDER.id(), SENDER.name(), "ef".repeat(32), SIGNED_AT);
    }

    static SignDocument sign(int version) {
        return new SignDocument(DOC, SENDER, version, SIGNED, "ef".repeat(32), SIGNED_AT);
    }

    @Nested
    class BeforeDispatch {

        @Test
        void aRegisteredDocumentIsVersionOne() {
            fixture.givenNoPriorActivity()
                    .when(new RegisterDocument(DOC, SENDER, "7816", "VPCP-TTĐT", "Công văn", "V/v triển khai Hệ thống e-Cabinet", "Hà Nội",
                            LocalDate.of(2026, 11, 24), new SignerInfo("KT. BỘ TRƯỞNG, CHỦ NHIỆM", "Phó Chủ nhiệm", "Nguyễn Văn A"),
                            Urgency.URGENT, Confidentiality.ORDINARY, LocalDate.of(2026, 12, 15), PDF, 3, List.of(), null))
                    .expectEvents(registered(Confidentiality.ORDINARY));
        }

        @Test
        void theCurrentVersionIsSigned() {
            fixture.given(registered(Confidentiality.ORDINARY)).when(sign(1)).expectEvents(signed(1));
        }

        @Test
        void aSignatureOfAnOlderVersionIsRefused() {
            fixture.given(registered(Confidentiality.ORDINARY), new DocumentRevised(DOC, 2, PDF, 4, "Sửa trích yếu"))
                    .when(sign(1)).expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void revisingASignedDocumentVoidsItsSignature() {
            fixture.given(registered(Confidentiality.ORDINARY), signed(1), new DocumentRevised(DOC, 2, PDF, 4, "Sửa số trang"))
                    .when(new DispatchDocument(DOC, SENDER, List.of(G12), HERE))
                    .expectException(RuleViolation.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("sign version 2"));
        }

        @Test
        void anUnsignedOrdinaryDocumentIsNotDispatched() {
            fixture.given(registered(Confidentiality.ORDINARY)).when(new DispatchDocument(DOC, SENDER, List.of(G12), HERE))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void aSecretDocumentNeverTravelsOverTheAxisEvenSigned() {
            fixture.given(registered(Confidentiality.SECRET), signed(1)).when(new DispatchDocument(DOC, SENDER, List.of(G12), HERE))
                    .expectException(RuleViolation.class).expectExceptionMessage(org.hamcrest.Matchers.containsString("Secret"));
        }

        @Test
        void aSignedDocumentIsDispatchedAndDeliveredToEachRecipientOnce() {
            fixture.given(registered(Confidentiality.ORDINARY), signed(1))
                    .when(new DispatchDocument(DOC, SENDER, List.of(G12, H29, G12), HERE))
                    .expectEvents(new DocumentDispatched(DOC, List.of(G12, H29)), new DocumentDelivered(DOC, G12), new DocumentDelivered(DOC, H29));
        }

        @Test
        void onlyTheSendersClerksActOnAnOutgoingDocument() {
            fixture.given(registered(Confidentiality.ORDINARY)).when(new SignDocument(DOC, FINANCE, 1, SIGNED, "ef".repeat(32), SIGNED_AT))
                    .expectException(NotPermitted.class);
        }

        @Test
        void nobodyDispatchesToItselfOrToNobody() {
            fixture.given(registered(Confidentiality.ORDINARY), signed(1)).when(new DispatchDocument(DOC, SENDER, List.of(G22), HERE))
                    .expectException(RuleViolation.class);
            fixture.given(registered(Confidentiality.ORDINARY), signed(1)).when(new DispatchDocument(DOC, SENDER, List.of(), HERE))
                    .expectException(RuleViolation.class);
        }
    }

    @Nested
    class AtTheRecipient {

        Object[] dispatched() {
            return new Object[] {registered(Confidentiality.ORDINARY), signed(1), new DocumentDispatched(DOC, List.of(G12, H29)),
                    new DocumentDelivered(DOC, G12), new DocumentDelivered(DOC, H29)};
        }

        @Test
        void aRecipientReceivesWithAVerifiedSignatureThenAssignsProcessesAndCompletes() {
            fixture.given(dispatched()).when(new AcceptDocument(DOC, FINANCE, true, "TOTAL_PASSED"))
                    .expectEvents(new DocumentAccepted(DOC, G12, FINANCE.id(), FINANCE.name(), true, "TOTAL_PASSED"));
            fixture.given(dispatched()).andGiven(new DocumentAccepted(DOC, G12, FINANCE.id(), FINANCE.name(), true, "TOTAL_PASSED"),
                            new DocumentAssigned(DOC, G12, FINANCE.id(), FINANCE.name(), "Vụ Ngân sách nhà nước"),
                            new DocumentProcessingStarted(DOC, G12, FINANCE.id(), FINANCE.name()))
                    .when(new CompleteProcessing(DOC, FINANCE))
                    .expectEvents(new DocumentProcessingCompleted(DOC, G12, FINANCE.id(), FINANCE.name()));
        }

        @Test
        void aDocumentWhoseSignatureDoesNotVerifyIsNotReceived() {
            fixture.given(dispatched()).when(new AcceptDocument(DOC, FINANCE, false, "TOTAL_FAILED/HASH_FAILURE"))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void statusesMoveOnlyForward() {
            fixture.given(dispatched()).when(new StartProcessing(DOC, FINANCE)).expectException(RuleViolation.class);
            fixture.given(dispatched()).when(new AssignDocument(DOC, FINANCE, "Vụ Pháp chế")).expectException(RuleViolation.class);
            fixture.given(dispatched()).andGiven(new DocumentRejected(DOC, G12, FINANCE.id(), FINANCE.name(), "Sai thẩm quyền"))
                    .when(new AcceptDocument(DOC, FINANCE, true, "TOTAL_PASSED")).expectException(RuleViolation.class);
        }

        @Test
        void aRecipientRejectsWithAReasonAndEachRecipientHasItsOwnStatus() {
            fixture.given(dispatched()).andGiven(new DocumentAccepted(DOC, G12, FINANCE.id(), FINANCE.name(), true, "TOTAL_PASSED"))
                    .when(new RejectDocument(DOC, HANOI, "Không thuộc thẩm quyền"))
                    .expectEvents(new DocumentRejected(DOC, H29, HANOI.id(), HANOI.name(), "Không thuộc thẩm quyền"));
        }

        @Test
        void anOrganisationThatIsNotARecipientCannotAct() {
            Staff justice = new Staff("clerk.g23", "Văn thư Bộ Tư pháp", "000.00.00.G23");
            fixture.given(dispatched()).when(new AcceptDocument(DOC, justice, true, "TOTAL_PASSED")).expectException(NotPermitted.class);
        }

        @Test
        void theSenderRecallsAndEachRecipientAgreesOrRefuses() {
            fixture.given(dispatched()).when(new RequestRecall(DOC, SENDER, RecallKind.RECALL, "Ban hành nhầm"))
                    .expectEvents(new RecallRequested(DOC, RecallKind.RECALL, SENDER.id(), SENDER.name(), "Ban hành nhầm"));
            fixture.given(dispatched()).andGiven(new RecallRequested(DOC, RecallKind.RECALL, SENDER.id(), SENDER.name(), "Ban hành nhầm"),
                            new RecallAnswered(DOC, G12, FINANCE.id(), FINANCE.name(), true, null))
                    .when(new AcceptDocument(DOC, FINANCE, true, "TOTAL_PASSED"))
                    .expectException(RuleViolation.class); // recalled there
            fixture.given(dispatched()).andGiven(new RecallRequested(DOC, RecallKind.RECALL, SENDER.id(), SENDER.name(), "Ban hành nhầm"))
                    .when(new AnswerRecall(DOC, HANOI, false, "Đã triển khai thực hiện"))
                    .expectEvents(new RecallAnswered(DOC, H29, HANOI.id(), HANOI.name(), false, "Đã triển khai thực hiện"));
        }

        @Test
        void aRecallIsAnsweredOnlyWhenAskedAndOnlyOnce() {
            fixture.given(dispatched()).when(new AnswerRecall(DOC, HANOI, true, null)).expectException(RuleViolation.class);
            fixture.given(dispatched()).andGiven(new RecallRequested(DOC, RecallKind.UPDATE, SENDER.id(), SENDER.name(), "Sửa số liệu"),
                            new RecallAnswered(DOC, H29, HANOI.id(), HANOI.name(), true, null))
                    .when(new AnswerRecall(DOC, HANOI, true, null)).expectException(RuleViolation.class);
        }

        @Test
        void aRecipientHostedElsewhereHasItWhenItsSystemAcknowledgesOnceAndReportsOverTheAxis() {
            Object[] sent = {registered(Confidentiality.ORDINARY), signed(1)};
            fixture.given(sent).when(new DispatchDocument(DOC, SENDER, List.of(G12, H29), List.of(H29)))
                    .expectEvents(new DocumentDispatched(DOC, List.of(G12, H29)), new DocumentDelivered(DOC, H29));
            Object[] remote = {registered(Confidentiality.ORDINARY), signed(1), new DocumentDispatched(DOC, List.of(G12)), new DocumentDelivered(DOC, G12)};
            fixture.given(remote).when(new RecordDelivery(DOC, G12)).expectNoEvents(); // delivered twice: recorded once
            fixture.given(remote).when(new RecordRemoteStatus(DOC, G12, "03", "TOTAL_PASSED", "Văn thư BTC"))
                    .expectEvents(new DocumentAccepted(DOC, G12, "axis:" + G12, "Văn thư BTC", true, "TOTAL_PASSED"));
            fixture.given(remote).andGiven(new DocumentAccepted(DOC, G12, "axis:" + G12, "Văn thư BTC", true, "TOTAL_PASSED"))
                    .when(new RecordRemoteStatus(DOC, G12, "03", "TOTAL_PASSED", "Văn thư BTC")).expectNoEvents();
            fixture.given(remote).when(new RecordRemoteStatus(DOC, H29, "03", "x", "y")).expectException(NotPermitted.class);
            fixture.given(remote).when(new RecordRemoteStatus(DOC, G12, "99", "x", "y")).expectException(RuleViolation.class);
        }

        @Test
        void theSenderOnAnotherSystemAsksForAnUpdateOnceAndOnlyItMay() {
            Object[] copy = {registered(Confidentiality.ORDINARY), signed(1), new DocumentDispatched(DOC, List.of(G12)), new DocumentDelivered(DOC, G12)};
            fixture.given(copy).when(new RecordRemoteRecall(DOC, G22, RecallKind.UPDATE, "Sửa số liệu phụ lục"))
                    .expectEvents(new RecallRequested(DOC, RecallKind.UPDATE, "axis:" + G22, G22, "Sửa số liệu phụ lục"));
            fixture.given(copy).andGiven(new RecallRequested(DOC, RecallKind.UPDATE, "axis:" + G22, G22, "Sửa số liệu phụ lục"))
                    .when(new RecordRemoteRecall(DOC, G22, RecallKind.UPDATE, "Sửa số liệu phụ lục")).expectNoEvents();
            fixture.given(copy).when(new RecordRemoteRecall(DOC, G12, RecallKind.RECALL, "x")).expectException(NotPermitted.class);
        }

        @Test
        void aDocumentFromTheAxisArrivesSignedAndDeliveredToTheRecipientsHostedHere() {
            fixture.givenNoPriorActivity()
                    .when(new ReceiveFromAxis(DOC, "000.00.00.G99", "12", "UBND-VP", "Công văn", "V/v báo cáo", "Huế", LocalDate.of(2026, 11, 20),
                            new SignerInfo(null, "Chủ tịch", "Trần Văn B"), Urgency.NORMAL, null, SIGNED, 2, List.of(PDF), "ef".repeat(32), SIGNED_AT,
                            List.of(G22, G12), List.of(G22)))
                    .expectEvents(new DocumentRegistered(DOC, "000.00.00.G99", "12", "UBND-VP", "Công văn", "V/v báo cáo", "Huế",
                                    LocalDate.of(2026, 11, 20), new SignerInfo(null, "Chủ tịch", "Trần Văn B"), Urgency.NORMAL,
                                    Confidentiality.ORDINARY, null, SIGNED, 2, List.of(PDF), null),
                            new DocumentSigned(DOC, 1, SIGNED, "axis:000.00.00.G99", "Trần Văn B", "ef".repeat(32), SIGNED_AT),
                            new DocumentDispatched(DOC, List.of(G22, G12)), new DocumentDelivered(DOC, G22));
        }

        @Test
        void aDispatchedDocumentIsNotRevisedNorDispatchedAgain() {
            fixture.given(dispatched()).when(new ReviseDocument(DOC, SENDER, PDF, 3, "Sửa")).expectException(RuleViolation.class);
            fixture.given(dispatched()).when(new DispatchDocument(DOC, SENDER, List.of(G12), HERE)).expectException(RuleViolation.class);
        }
    }
}
