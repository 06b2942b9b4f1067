package org.ecabinet.ui.session;

import java.util.HashMap;
import java.util.Map;

import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * What a person is typing in a live view, kept across redraws: a check-in or a vote elsewhere redraws the
 * session, and must not wipe a conclusion, a comment or a new item half written.
 */
final class Drafts {

    private final Map<String, String> typed = new HashMap<>();

    /** Shows the draft under {@code key} if there is one, else {@code saved}, and keeps what is typed next. */
    void bind(TextArea field, String key, String saved) {
        field.setValue(typed.getOrDefault(key, saved == null ? "" : saved));
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addValueChangeListener(change -> typed.put(key, change.getValue()));
    }

    void bind(TextField field, String key, String saved) {
        field.setValue(typed.getOrDefault(key, saved == null ? "" : saved));
        field.setValueChangeMode(ValueChangeMode.LAZY);
        field.addValueChangeListener(change -> typed.put(key, change.getValue()));
    }

    /** Once what was typed is saved, the stored value is what to show. */
    void forget(String key) {
        typed.remove(key);
    }
}
