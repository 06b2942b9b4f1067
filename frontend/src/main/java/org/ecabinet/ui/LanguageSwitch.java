package org.ecabinet.ui;

import java.util.List;
import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;

/** Tiếng Việt / English; the choice holds for the browser session. */
public class LanguageSwitch extends Select<Locale> {

    public LanguageSwitch() {
        setItems(List.of(Translations.VIETNAMESE, Translations.ENGLISH));
        // the field shows the short code (room for the user's name on a phone), the list the languages' own names
        setItemLabelGenerator(locale -> locale.getLanguage().toUpperCase(Locale.ROOT));
        setRenderer(new com.vaadin.flow.data.renderer.TextRenderer<>(locale -> locale.getLanguage().equals("vi") ? "Tiếng Việt" : "English"));
        setValue(UI.getCurrent().getLocale().getLanguage().equals("en") ? Translations.ENGLISH : Translations.VIETNAMESE);
        setAriaLabel(getTranslation("language.label"));
        setId("language");
        addValueChangeListener(change -> {
            if (change.isFromClient() && change.getValue() != null) {
                VaadinSession.getCurrent().setLocale(change.getValue());
                UI.getCurrent().getPage().reload();
            }
        });
    }
}
