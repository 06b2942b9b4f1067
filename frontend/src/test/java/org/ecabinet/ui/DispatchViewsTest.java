package org.ecabinet.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.ecabinet.ui.dispatch.DispatchModels.*;
import org.ecabinet.ui.dispatch.DocumentPage;
import org.ecabinet.ui.dispatch.DocumentsView;
import org.ecabinet.ui.dispatch.NewDocumentView;
import org.ecabinet.ui.dispatch.ReportsView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.ButtonKt;
import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.HasValueUtilsKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;

import reactor.core.publisher.Sinks;

class DispatchViewsTest extends KaribuTest {

    /** What the backend's stream of document d-1 brings after the page has read it. */
    private final Sinks.Many<Document> live = Sinks.many().multicast().directBestEffort();

    @BeforeEach
    void followDocumentsLive() {
        when(documents.changes(any(), eq("d-1"))).thenReturn(live.asFlux());
    }

    private void backendPublishes(Document next) {
        live.tryEmitNext(next);
        MockVaadin.clientRoundtrip();
    }

    static final String G22 = "000.00.00.G22";
    static final String G12 = "000.00.00.G12";
    static final String SENDER = "clerk.g22";
    static final String FINANCE = "clerk.g12";
    static final List<Agency> AGENCIES = List.of(new Agency(G22, "Văn phòng Chính phủ"), new Agency(G12, "Bộ Tài chính"),
            new Agency("000.00.00.H29", "UBND thành phố Hà Nội"));
    static final Signature SIGNATURE = new Signature(1, new File("f2", "cv.signed.pdf", "ab".repeat(32), 9000), SENDER, "Văn thư VPCP",
            "cd".repeat(32), Instant.parse("2026-11-25T02:00:00Z"));

    static Document document(String state, Signature signature, List<Recipient> recipients, long version) {
        return new Document("d-1", G22, "7816", "VPCP-TTĐT", "Công văn", "V/v triển khai Hệ thống e-Cabinet", "Hà Nội", LocalDate.of(2026, 11, 25),
                new Signer("KT. BỘ TRƯỞNG", "Phó Chủ nhiệm", "Nguyễn Văn A"), "URGENT", "ORDINARY", null, 1, 3, signature, state,
                recipients.stream().map(Recipient::organId).toList(), recipients,
                List.of(new Step(Instant.parse("2026-11-25T01:00:00Z"), "REGISTERED", null, G22, null, "7816/VPCP-TTĐT")), null, null, version);
    }

    static Recipient recipient(String code, String report) {
        return new Recipient(G12, null, code, Instant.parse("2026-11-25T03:00:00Z"), null, report, null, null, null);
    }

    @Test
    void aClerkSeesInboxAndOutboxAndOpensADocument() {
        signInFor(G12, FINANCE, "AGENCY_CLERK");
        when(documents.list("token-" + FINANCE, "inbox")).thenReturn(List.of(new DocumentSummary("d-1", G22, "7816/VPCP-TTĐT", "Công văn",
                "V/v triển khai Hệ thống e-Cabinet", "URGENT", "DISPATCHED", Instant.parse("2026-11-25T03:00:00Z"), "01", null)));
        when(documents.list("token-" + FINANCE, "outbox")).thenReturn(List.of());
        when(documents.agencies(any())).thenReturn(AGENCIES);
        when(documents.document("token-" + FINANCE, "d-1")).thenReturn(document("DISPATCHED", SIGNATURE, List.of(recipient("01", null)), 5));

        UI().navigate(DocumentsView.class);
        @SuppressWarnings("unchecked")
        Grid<DocumentSummary> inbox = _get(Grid.class, spec -> spec.withId("inbox"));
        assertThat(GridKt._getFormattedRow(inbox, 0)).containsSubsequence("RouterLink[text='7816/VPCP-TTĐT']", "Văn phòng Chính phủ", "Công văn", "V/v triển khai Hệ thống e-Cabinet", "Khẩn", "Đã đến");
        assertThat(((com.vaadin.flow.router.RouterLink) GridKt._getCellComponent(inbox, 0, "number")).getHref())
                .as("the number is a link, for keyboard users").isEqualTo("document/d-1");
        GridKt._clickItem(inbox, 0);
        _get(DocumentPage.class);
    }

    @Test
    void theSenderSignsWithThePinAndThenDispatchesToTheChosenAgencies() {
        signInFor(G22, SENDER, "AGENCY_CLERK");
        when(documents.agencies(any())).thenReturn(AGENCIES);
        when(documents.document("token-" + SENDER, "d-1")).thenReturn(document("REGISTERED", null, List.of(), 1));

        UI().navigate(DocumentPage.class, "d-1");
        assertThat(_get(Span.class, spec -> spec.withId("signature-badge")).getText()).isEqualTo("Chưa ký số (phiên bản 1)");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("sign")));
        verify(documents, never()).act(any(), any(), any(), any());
        HasValueUtilsKt._setValue(_get(PasswordField.class, spec -> spec.withId("signing-pin")), "123456");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("sign")));
        verify(documents).act("token-" + SENDER, "d-1", "signature", Map.of("pin", "123456"));
        assertThat(_get(Span.class, spec -> spec.withId("signature-badge")).getText()).as("drawn by the stream, not by waiting")
                .isEqualTo("Chưa ký số (phiên bản 1)");
        backendPublishes(document("SIGNED", SIGNATURE, List.of(), 2));
        assertThat(_get(Span.class, spec -> spec.withId("signature-badge")).getText()).isEqualTo("Đã ký số bởi Văn thư VPCP lúc 25/11/2026 09:00");

        @SuppressWarnings("unchecked")
        MultiSelectComboBox<String> to = _get(MultiSelectComboBox.class, spec -> spec.withId("dispatch-to"));
        assertThat(to.getListDataView().getItems()).doesNotContain(G22).contains(G12);
        HasValueUtilsKt._setValue(to, Set.of(G12));
        ButtonKt._click(_get(Button.class, spec -> spec.withId("dispatch")));
        verify(documents, org.mockito.Mockito.never()).act(any(), any(), eq("dispatch"), any()); // asked first, naming the recipients
        var confirm = _get(com.vaadin.flow.component.confirmdialog.ConfirmDialog.class);
        assertThat(confirm.getElement().getProperty("message")).contains("Bộ Tài chính");
        com.vaadin.flow.component.ComponentUtil.fireEvent(confirm, new com.vaadin.flow.component.confirmdialog.ConfirmDialog.ConfirmEvent(confirm, false));
        verify(documents).act("token-" + SENDER, "d-1", "dispatch", Map.of("recipients", List.of(G12)));
    }

    @Test
    void aRecipientReceivesAndSeesTheSignatureVerifiedThenAssigns() {
        signInFor(G12, FINANCE, "AGENCY_CLERK");
        when(documents.agencies(any())).thenReturn(AGENCIES);
        when(documents.document("token-" + FINANCE, "d-1")).thenReturn(document("DISPATCHED", SIGNATURE, List.of(recipient("01", null)), 5));

        UI().navigate(DocumentPage.class, "d-1");
        assertThat(_find(Button.class, spec -> spec.withId("sign"))).as("no sender actions for a recipient").isEmpty();
        ButtonKt._click(_get(Button.class, spec -> spec.withId("receive")));
        verify(documents).act(eq("token-" + FINANCE), eq("d-1"), eq("receive"), isNull());
        backendPublishes(document("DISPATCHED", SIGNATURE, List.of(recipient("03", "TOTAL_PASSED, Văn thư VPCP")), 6));
        backendPublishes(document("DISPATCHED", SIGNATURE, List.of(recipient("01", null)), 5)); // a late copy, ignored
        assertThat(_get(Span.class, spec -> spec.withId("signature-badge")).getText())
                .isEqualTo("Chữ ký số hợp lệ — ký bởi Văn thư VPCP lúc 25/11/2026 09:00");
        var technical = _get(com.vaadin.flow.component.details.Details.class, spec -> spec.withId("signature-details"));
        assertThat(technical.isOpened()).as("technical details only on request").isFalse();
        assertThat(technical.getElement().getTextRecursively()).contains("TOTAL_PASSED").contains("cd".repeat(32));
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("document-details")).getText())
                .as("the recipient's own status, not the sender's").contains("Đã tiếp nhận").doesNotContain("Đã gửi");
        assertThat(text(_get(UnorderedList.class, spec -> spec.withId("timeline")))).contains("Văn phòng Chính phủ: Vào sổ văn bản đi — 7816/VPCP-TTĐT");

        ButtonKt._click(_get(Button.class, spec -> spec.withId("assign")));
        assertThat(_get(TextField.class, spec -> spec.withId("assignee")).isInvalid()).isTrue();
        HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("assignee")), "Vụ Ngân sách nhà nước");
        assertThat(_get(TextField.class, spec -> spec.withId("assignee")).isInvalid()).as("the mark clears once filled").isFalse();
        ButtonKt._click(_get(Button.class, spec -> spec.withId("assign")));
        verify(documents).act("token-" + FINANCE, "d-1", "assign", Map.of("assignee", "Vụ Ngân sách nhà nước"));
    }

    @Test
    void aRecipientsStepShowsLiveWithoutWipingTheRecallReasonTheSenderIsTyping() {
        signInFor(G22, SENDER, "AGENCY_CLERK");
        when(documents.agencies(any())).thenReturn(AGENCIES);
        when(documents.document("token-" + SENDER, "d-1")).thenReturn(document("DISPATCHED", SIGNATURE, List.of(recipient("01", null)), 5));
        UI().navigate(DocumentPage.class, "d-1");
        HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("recall-reason")), "Ban hành nhầm phụ lục");

        backendPublishes(document("DISPATCHED", SIGNATURE, List.of(recipient("03", "TOTAL_PASSED, Văn thư VPCP")), 6));

        @SuppressWarnings("unchecked")
        Grid<Recipient> recipients = _get(Grid.class, spec -> spec.withId("recipients"));
        assertThat(GridKt._getFormattedRow(recipients, 0)).contains("Bộ Tài chính").anyMatch(cell -> cell.contains("Đã tiếp nhận"));
        assertThat(_get(TextField.class, spec -> spec.withId("recall-reason")).getValue()).isEqualTo("Ban hành nhầm phụ lục");
    }

    @Test
    void theRegisterFormsCalendarAndUploadSpeakVietnamese() {
        signInFor(G22, SENDER, "AGENCY_CLERK");
        UI().navigate(NewDocumentView.class);
        var date = _get(com.vaadin.flow.component.datepicker.DatePicker.class, spec -> spec.withId("document-promulgationDate"));
        assertThat(date.getI18n().getMonthNames()).startsWith("Tháng 1").endsWith("Tháng 12");
        assertThat(date.getI18n().getWeekdaysShort()).startsWith("CN", "Th 2");
        assertThat(date.getI18n().getToday()).isEqualTo("Hôm nay");
        assertThat(date.getI18n().getFirstDayOfWeek()).as("the week starts on Monday").isEqualTo(1);
        assertThat(date.getI18n().getDateFormats()).containsExactly("dd/MM/yyyy");
        var upload = _get(com.vaadin.flow.component.upload.Upload.class, spec -> spec.withId("document-file"));
        assertThat(upload.getI18n().getAddFiles().getOne()).isEqualTo(
                com.vaadin.flow.component.UI.getCurrent().getTranslation("upload.addOne")).doesNotContain("Upload");
    }

    @Test
    void theTimelineNamesAgenciesAndTheSignatureCheckInWordsWithTheTechnicalPartsInTooltips() {
        signInFor(G22, SENDER, "AGENCY_CLERK");
        when(documents.agencies(any())).thenReturn(AGENCIES);
        Document sent = document("DISPATCHED", SIGNATURE, List.of(recipient("03", "TOTAL_PASSED, Văn thư VPCP")), 7);
        List<Step> steps = List.of(new Step(Instant.parse("2026-11-25T02:00:00Z"), "DISPATCHED", null, G22, null, G12 + ", 000.00.00.H29"),
                new Step(Instant.parse("2026-11-25T03:00:00Z"), "ACCEPTED", "03", G12, "Văn thư BTC",
                        "TOTAL_PASSED, Văn thư VPCP, 2026-11-25T02:00:00Z"));
        when(documents.document("token-" + SENDER, "d-1")).thenReturn(new Document(sent.documentId(), sent.senderOrganId(), sent.codeNumber(),
                sent.codeNotation(), sent.documentType(), sent.subject(), sent.promulgationPlace(), sent.promulgationDate(), sent.signer(), sent.urgency(),
                sent.confidentiality(), sent.dueDate(), sent.currentVersion(), sent.pageCount(), sent.signature(), sent.state(), sent.dispatchedTo(),
                sent.recipients(), steps, null, null, 7));
        UI().navigate(DocumentPage.class, "d-1");

        UnorderedList timeline = _get(UnorderedList.class, spec -> spec.withId("timeline"));
        assertThat(text(timeline)).contains("Gửi văn bản tới — Bộ Tài chính, UBND thành phố Hà Nội")
                .contains("Bộ Tài chính: Tiếp nhận; kết quả kiểm tra chữ ký số — chữ ký số hợp lệ (Văn thư BTC)")
                .doesNotContain("TOTAL_PASSED").doesNotContain("000.00.00").doesNotContain("2026-11-25T");
        assertThat(timeline.getChildren().skip(1).findFirst().orElseThrow().getElement().getAttribute("title"))
                .contains("03").contains("TOTAL_PASSED");
    }

    @Test
    void aDocumentIsNotRegisteredWithoutItsFieldsAndItsPdf() {
        signInFor(G22, SENDER, "AGENCY_CLERK");
        UI().navigate(NewDocumentView.class);
        HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("document-codeNumber")), "7816");
        ButtonKt._click(_get(Button.class, spec -> spec.withId("register-document")));
        assertThat(_get(TextField.class, spec -> spec.withId("document-codeNotation")).isInvalid()).isTrue();
        assertThat(_get(TextField.class, spec -> spec.withId("document-codeNumber")).isInvalid()).isFalse();
        assertThat(_get(Paragraph.class, spec -> spec.withId("uploaded-file")).getText()).isEqualTo("Hãy tải lên tệp PDF của văn bản");
        HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("document-codeNotation")), "   ");
        assertThat(_get(TextField.class, spec -> spec.withId("document-codeNotation")).isInvalid()).as("blank is not filled").isTrue();
        HasValueUtilsKt._setValue(_get(TextField.class, spec -> spec.withId("document-codeNotation")), "BTC-NSNN");
        assertThat(_get(TextField.class, spec -> spec.withId("document-codeNotation")).isInvalid()).as("the error clears once filled").isFalse();
        verify(documents, never()).register(any(), any());
    }

    @Test
    void theReportShowsTheSignedSharePerAgencyAsATableAndCharts() {
        signIn("secretariat", "SECRETARIAT");
        when(ballots.list("token-secretariat")).thenReturn(List.of(
                new org.ecabinet.ui.ballot.BallotModels.BallotSummary("b-2", "Dự thảo Luật", "CLOSED", Instant.parse("2026-11-20T10:00:00Z"), 2, 27, 27, false, true),
                new org.ecabinet.ui.ballot.BallotModels.BallotSummary("b-1", "Dự thảo Nghị định", "CLOSED", Instant.parse("2026-11-10T10:00:00Z"), 1, 27, 18, false, true)));
        when(documents.report(eq("token-secretariat"), any(), any())).thenReturn(new Report(Instant.now(), Instant.now(), List.of(
                new AgencyFigures(G22, "Văn phòng Chính phủ", 40, 38, 0.95, 38, 2, 42L, 1, 380),
                new AgencyFigures("000.00.00.H29", "UBND thành phố Hà Nội", 19, 10, 10.0 / 19, 10, 5, null, 0, 50))));
        UI().navigate(ReportsView.class);
        @SuppressWarnings("unchecked")
        Grid<AgencyFigures> table = _get(Grid.class, spec -> spec.withId("report"));
        assertThat(GridKt._getFormattedRow(table, 1)).containsSubsequence("UBND thành phố Hà Nội", "19", "10", "52.6%", "5", "—", "0", "50");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var share = _get(Chart.class, spec -> spec.withId("signed-share-chart"));
        assertThat(share.getElement().getAttribute("aria-label")).isEqualTo("Tỷ lệ văn bản đi được ký số theo cơ quan");
        var shareFigures = readTree(json, share.getElement().getProperty("config"));
        assertThat(shareFigures.get("categories").toString()).isEqualTo("[\"Văn phòng Chính phủ\",\"UBND thành phố Hà Nội\"]");
        assertThat(shareFigures.get("values").toString()).isEqualTo("[95.0,52.6]");
        var time = readTree(json, _get(Chart.class, spec -> spec.withId("time-to-receipt-chart")).getElement().getProperty("config"));
        assertThat(time.get("values").toString()).as("no receipt yet is a gap, not zero").isEqualTo("[42.0,null]");
        var participation = readTree(json, _get(Chart.class, spec -> spec.withId("participation-chart")).getElement().getProperty("config"));
        assertThat(participation.get("categories").toString()).as("in the order of the deadlines").isEqualTo("[\"10/11/2026\",\"20/11/2026\"]");
        assertThat(participation.get("values").toString()).isEqualTo("[66.7,100.0]");
    }

    private static com.fasterxml.jackson.databind.JsonNode readTree(com.fasterxml.jackson.databind.ObjectMapper json, String text) {
        try {
            return json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void membersReachNeitherDocumentsNorReports() {
        signIn(MEMBER, "MEMBER");
        UI().navigate(DocumentsView.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> _find(DocumentsView.class)).hasMessageContaining("AccessDeniedException");
        UI().navigate(ReportsView.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> _find(ReportsView.class)).hasMessageContaining("AccessDeniedException");
    }
}
