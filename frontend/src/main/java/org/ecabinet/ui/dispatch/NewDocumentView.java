package org.ecabinet.ui.dispatch;

import java.time.LocalDate;
import java.util.List;

import org.ecabinet.ui.BackendApi;
import org.ecabinet.ui.PdfUpload;
import org.ecabinet.ui.RequiredFields;
import org.ecabinet.ui.Pickers;
import org.ecabinet.ui.Feedback;
import org.ecabinet.ui.Formats;
import org.ecabinet.ui.MainLayout;
import org.ecabinet.ui.dispatch.DispatchModels.NewDocument;
import org.ecabinet.ui.dispatch.DispatchModels.Signer;
import org.ecabinet.ui.identity.CurrentUser;
import org.ecabinet.ui.identity.SignedInUser;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** A clerk registers an outgoing document (vào sổ văn bản đi): its register entry and the PDF. */
@Route(value = "documents/new", layout = MainLayout.class)
@RolesAllowed({"AGENCY_CLERK", "SECRETARIAT"})
public class NewDocumentView extends VerticalLayout implements HasDynamicTitle {

    static final List<String> TYPES = List.of("Công văn", "Quyết định", "Nghị quyết", "Tờ trình", "Thông báo", "Báo cáo", "Kế hoạch");

    final TextField codeNumber = field("codeNumber");
    final TextField codeNotation = field("codeNotation");
    final ComboBox<String> documentType = new ComboBox<>();
    final TextArea subject = new TextArea();
    final TextField place = field("promulgationPlace");
    final DatePicker promulgationDate = new DatePicker();
    final TextField competence = field("signerCompetence");
    final TextField position = field("signerPosition");
    final TextField fullName = field("signerFullName");
    final Select<String> urgency = new Select<>();
    final Select<String> confidentiality = new Select<>();
    final DatePicker dueDate = new DatePicker();
    String fileId;
    /** What a register entry cannot go without; each mark clears once its field is filled. */
    private final RequiredFields required = new RequiredFields();

    public NewDocumentView(DocumentsClient client, CurrentUser currentUser) {
        SignedInUser user = currentUser.get();
        documentType.setLabel(getTranslation("document.type"));
        documentType.setItems(TYPES);
        documentType.setAllowCustomValue(true);
        documentType.addCustomValueSetListener(e -> documentType.setValue(e.getDetail()));
        documentType.setValue(TYPES.get(0));
        documentType.setId("document-type");
        subject.setLabel(getTranslation("document.subject"));
        subject.setId("document-subject");
        subject.setMaxLength(2000);
        place.setValue("Hà Nội");
        String missing = getTranslation("newBallot.required");
        List.of(codeNumber, codeNotation, place, position, fullName).forEach(field -> required.text(field, missing));
        required.text(subject, missing);
        promulgationDate.setLabel(getTranslation("document.promulgationDate"));
        promulgationDate.setValue(LocalDate.now(Formats.HANOI));
        promulgationDate.setId("document-promulgationDate");
        Pickers.localise(promulgationDate);
        urgency.setLabel(getTranslation("document.urgency"));
        urgency.setItems("NORMAL", "URGENT", "VERY_URGENT", "FLASH");
        urgency.setItemLabelGenerator(u -> getTranslation("urgency." + u));
        urgency.setValue("NORMAL");
        urgency.setId("document-urgency");
        confidentiality.setLabel(getTranslation("document.confidentiality"));
        confidentiality.setItems("ORDINARY", "SECRET");
        confidentiality.setItemLabelGenerator(c -> getTranslation("confidentiality." + c));
        confidentiality.setValue("ORDINARY");
        confidentiality.setId("document-confidentiality");
        dueDate.setLabel(getTranslation("document.dueDate"));
        dueDate.setId("document-dueDate");
        Pickers.localise(dueDate);

        Paragraph uploaded = new Paragraph();
        uploaded.setId("uploaded-file");
        UI ui = UI.getCurrent();
        Upload file = PdfUpload.create("document-file", (fileName, bytes) -> {
            try {
                String id = client.upload(user.token(), fileName, bytes);
                ui.access(() -> {
                    fileId = id;
                    uploaded.setText(fileName);
                });
            } catch (BackendApi.BackendException e) {
                ui.access(() -> Feedback.error(Feedback.explain(e)));
            }
        });
        file.setMaxFiles(1);

        Button register = new Button(getTranslation("document.register"), click -> register(client, user, uploaded));
        register.setId("register-document");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(codeNumber, codeNotation, documentType, place, promulgationDate, urgency, confidentiality, dueDate,
                competence, position, fullName);
        add(new H2(getTranslation("newDocument.heading")), form, subject, new Paragraph(getTranslation("newDocument.pdf")), file, uploaded, register);
        subject.setWidthFull();
    }

    private void register(DocumentsClient client, SignedInUser user, Paragraph uploaded) {
        boolean valid = required.valid();
        if (fileId == null) {
            uploaded.setText(getTranslation("newDocument.pdfRequired"));
        }
        if (!valid || fileId == null) {
            return;
        }
        NewDocument document = new NewDocument(codeNumber.getValue().strip(), codeNotation.getValue().strip(), documentType.getValue(),
                subject.getValue().strip(), place.getValue().strip(), promulgationDate.getValue(),
                new Signer(competence.getValue().isBlank() ? null : competence.getValue().strip(), position.getValue().strip(), fullName.getValue().strip()),
                urgency.getValue(), confidentiality.getValue(), dueDate.getValue(), fileId);
        try {
            String id = client.register(user.token(), document);
            Feedback.success(getTranslation("newDocument.registered"));
            getUI().ifPresent(ui -> ui.navigate(DocumentPage.class, id));
        } catch (BackendApi.BackendException e) {
            Feedback.error(Feedback.explain(e));
        }
    }

    private TextField field(String name) {
        TextField field = new TextField(getTranslation("document." + name));
        field.setId("document-" + name);
        return field;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("newDocument.heading") + " — e-Cabinet";
    }
}
