package org.ecabinet.ui;

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

    /** Runs a call to the backend; a refusal is shown with the backend's own explanation. */
    public static boolean attempt(Runnable call, String done) {
        try {
            call.run();
            success(done);
            return true;
        } catch (BackendApi.BackendException e) {
            error(e.getMessage());
            return false;
        }
    }

    private static void show(String message, NotificationVariant variant) {
        Notification notification = Notification.show(message, 5000, Notification.Position.BOTTOM_START);
        notification.addThemeVariants(variant);
    }
}
