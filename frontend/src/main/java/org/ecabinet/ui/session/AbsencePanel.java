package org.ecabinet.ui.session;

import org.ecabinet.ui.RequiredFields;
import java.util.Collection;
import java.util.Comparator;

import org.ecabinet.ui.identity.Directory;
import org.ecabinet.ui.session.SessionModels.Absence;
import org.ecabinet.ui.session.SessionModels.SessionRoom;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.TextField;

/**
 * A member's absence before the session: the reason and who attends in their place (someone from the
 * directory, or a name typed in; a deputy attends without a vote), or the withdrawal of an absence declared.
 */
class AbsencePanel extends Div {

    AbsencePanel(SessionRoom room, String userId, Collection<Directory.Person> people, SessionsClient client, String token, RoomActions actions,
                 Drafts drafts) {
        setId("absence");
        Absence declared = room.absenceOf(userId).orElse(null);
        if (declared != null) {
            Paragraph said = new Paragraph(getTranslation("absence.declared", declared.reason(),
                    declared.delegate() == null || declared.delegate().isBlank() ? "—" : declared.delegate()));
            Button withdraw = new Button(getTranslation("absence.withdraw"),
                    click -> actions.send(() -> client.withdrawAbsence(token, room.sessionId()), "absence.withdrawn"));
            withdraw.setId("withdraw-absence");
            add(said, withdraw);
            return;
        }
        TextField reason = new TextField(getTranslation("absence.reason"));
        reason.setId("absence-reason");
        reason.setMaxLength(1000);
        drafts.bind(reason, "absence-reason", "");
        ComboBox<String> delegate = new ComboBox<>(getTranslation("absence.delegate"));
        delegate.setId("absence-delegate");
        delegate.setItems(people.stream().filter(p -> !p.id().equals(userId)).sorted(Comparator.comparing(Directory.Person::label))
                .map(Directory.Person::label).toList());
        delegate.setAllowCustomValue(true);
        delegate.addCustomValueSetListener(typed -> delegate.setValue(typed.getDetail()));
        delegate.setHelperText(getTranslation("absence.delegateHelp"));
        delegate.setWidth("min(22rem, 100%)");
        RequiredFields required = new RequiredFields().text(reason, getTranslation("form.required"));
        Button declare = new Button(getTranslation("absence.declare"), click -> {
            if (required.valid()) {
                actions.send(() -> client.declareAbsence(token, room.sessionId(), delegate.getValue(), reason.getValue().strip()), "absence.declaredDone");
            }
        });
        declare.setId("declare-absence");
        FlexLayout form = new FlexLayout(reason, delegate, declare);
        form.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.getStyle().set("gap", "var(--lumo-space-s)");
        add(new Paragraph(getTranslation("absence.intro")), form);
    }
}
