package org.ecabinet.ui.session;

/** How the room's parts send an action: the view shows the outcome and, after a refusal, reloads the room. */
@FunctionalInterface
interface RoomActions {

    /** Sends {@code call}; true when the backend took it (then {@code doneKey}'s translation is shown). */
    boolean send(Runnable call, String doneKey);
}
