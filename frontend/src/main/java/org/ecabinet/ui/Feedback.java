package org.ecabinet.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Short notices at the bottom of the page: what was saved, or why the backend refused. */
public final class Feedback {

    private Feedback() {
    }

    public static void success(String message) {
        show(message, NotificationVariant.LUMO_SUCCESS);
    }

    public static void error(String message) {
        show(message, NotificationVariant.LUMO_ERROR);
    }

    /** Runs a call to the backend; a refusal is shown, in the user's language, from its machine code. */
    public static boolean attempt(Runnable call, String done) {
        try {
            call.run();
            success(done);
            return true;
        } catch (BackendApi.BackendException e) {
            error(explain(e));
            return false;
        }
    }

    /** As {@link #attempt(Runnable, String)}; after a refusal, {@code reload} shows what is true now (another user may have acted first). */
    public static boolean attempt(Runnable call, String done, Runnable reload) {
        boolean accepted = attempt(call, done);
        if (!accepted) {
            reload.run();
        }
        return accepted;
    }

    /**
     * A refusal in the user's language: the translation of its field error's code, else of its code, else of
     * its status ({@code problem.*} in the bundles); never the backend's English sentence. What the problem names
     * goes into the sentence by name ({@code {item}}, {@code {deadline}}), a time as Hanoi time.
     */
    public static String explain(BackendApi.BackendException e) {
        UI ui = UI.getCurrent();
        if (ui == null) {
            return e.getMessage();
        }
        for (String key : java.util.List.of("problem." + e.fieldCode(), "problem." + e.code(), "problem.status." + e.status().value())) {
            String translated = ui.getTranslation(key);
            if (!key.endsWith(".") && !translated.contains(key)) {
                return withArguments(translated, e.arguments());
            }
        }
        return ui.getTranslation("problem.unknown");
    }

    private static String withArguments(String sentence, java.util.Map<String, String> arguments) {
        String filled = sentence;
        for (var argument : arguments.entrySet()) {
            filled = filled.replace("{" + argument.getKey() + "}", Formats.value(argument.getValue()));
        }
        return filled;
    }

    /** One notice at a time: on a phone, a stack of them would cover the page. */
    private static void show(String message, NotificationVariant variant) {
        UI ui = UI.getCurrent();
        Notification previous = ui == null ? null : com.vaadin.flow.component.ComponentUtil.getData(ui, Notification.class);
        if (previous != null) {
            previous.close();
        }
        Notification notification = Notification.show(message, 5000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
        if (ui != null) {
            com.vaadin.flow.component.ComponentUtil.setData(ui, Notification.class, notification);
        }
    }
}
