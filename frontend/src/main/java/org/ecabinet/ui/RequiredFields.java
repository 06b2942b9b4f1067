package org.ecabinet.ui;

import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.data.binder.Binder;

/**
 * What a small form (a reason, a PIN, a title and an agency) cannot go without, checked by a {@link Binder}: an empty
 * or blank field is marked on the first attempt, and the mark clears as soon as the field is filled. The form keeps
 * its own values; the binder only validates.
 */
public final class RequiredFields {

    private final Binder<Object> binder = new Binder<>();

    /** A text that must not be blank. */
    public RequiredFields text(HasValue<?, String> field, String message) {
        return text(field, 1, message);
    }

    /** A text of at least {@code minLength} characters once trimmed (a PIN has six). */
    public RequiredFields text(HasValue<?, String> field, int minLength, String message) {
        binder.forField(field).asRequired(message).withValidator(value -> value.strip().length() >= minLength, message)
                .bind(form -> null, (form, value) -> { });
        return this;
    }

    /** A choice that must be made. */
    public <V> RequiredFields choice(HasValue<?, V> field, String message) {
        binder.forField(field).asRequired(message).bind(form -> null, (form, value) -> { });
        return this;
    }

    /** Marks what is missing; true when nothing is. */
    public boolean valid() {
        return binder.validate().isOk();
    }

    /** Empties the fields after the form was sent, without marking them as missing. */
    public void clear() {
        binder.readBean(null);
    }
}
