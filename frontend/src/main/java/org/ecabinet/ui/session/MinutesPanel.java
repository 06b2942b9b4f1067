package org.ecabinet.ui.session;

import org.ecabinet.ui.Downloads;
import org.ecabinet.ui.RequiredFields;
import org.ecabinet.ui.session.SessionModels.SessionRoom;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.textfield.PasswordField;

/** After the close: the signed minutes for every invitee; before they exist, the secretariat signs them with the PIN. */
class MinutesPanel extends Section {

    MinutesPanel(SessionRoom room, boolean secretariat, SessionsClient client, String token, RoomActions actions) {
        setId("minutes");
        add(new H3(getTranslation("minutes.heading")));
        if (room.minutes() != null) {
            var link = Downloads.pdf(room.minutes().fileName(), room.minutes().size(), room.minutes().sha256(),
                    () -> client.minutes(token, room.sessionId()));
            link.setId("minutes-link");
            add(new Paragraph(getTranslation("minutes.signed")), link);
            return;
        }
        if (!secretariat) {
            add(new Paragraph(getTranslation("minutes.pending")));
            return;
        }
        PasswordField pin = new PasswordField(getTranslation("ballot.pin"));
        pin.setId("minutes-pin");
        pin.setHelperText(getTranslation("ballot.pinHelp"));
        pin.setMaxLength(32);
        RequiredFields required = new RequiredFields().text(pin, 6, getTranslation("ballot.pinRequired"));
        Button sign = new Button(getTranslation("minutes.sign"), click -> {
            if (required.valid() && actions.send(() -> client.signMinutes(token, room.sessionId(), pin.getValue()), "minutes.signedDone")) {
                required.clear();
            }
        });
        sign.setId("sign-minutes");
        sign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FlexLayout row = new FlexLayout(pin, sign);
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-s)");
        add(new Paragraph(getTranslation("minutes.toSign")), row);
    }
}
