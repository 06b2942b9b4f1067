package org.ecabinet.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/**
 * The question asked before a step that cannot be taken back: it names what will happen, the step is taken only
 * on confirmation, and "cancel" is in the user's language like the rest.
 */
public final class Confirmation {

    private Confirmation() {
    }

    /** Opens the dialog; {@code destructive} colours the confirming button as a warning. */
    public static ConfirmDialog ask(String id, String heading, String text, String confirm, boolean destructive, Runnable step) {
        ConfirmDialog dialog = new ConfirmDialog(heading, text, confirm, event -> step.run());
        dialog.setId(id);
        dialog.setCancelable(true);
        dialog.setCancelText(UI.getCurrent().getTranslation("form.cancel"));
        if (destructive) {
            dialog.setConfirmButtonTheme("error primary");
        }
        dialog.open();
        return dialog;
    }
}
