package org.ecabinet.ui.session;

import java.util.Map;

import org.ecabinet.ui.BackendApi;
import org.ecabinet.ui.Feedback;
import org.ecabinet.ui.LiveFeed;
import org.ecabinet.ui.identity.Directory;
import org.ecabinet.ui.identity.SignedInUser;
import org.ecabinet.ui.session.SessionModels.SessionRoom;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEvent;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasUrlParameter;

/**
 * A view of one session that follows it live: read on navigation, then followed through a {@link LiveFeed}; a
 * late copy of an older state is ignored. Actions go through {@link #act}: a refusal is explained in the
 * user's language and the session is read again, so the screen shows what is true now.
 */
abstract class LiveSessionView extends VerticalLayout implements HasUrlParameter<String>, HasDynamicTitle {

    protected final SessionsClient client;
    protected final SignedInUser user;
    private final Directory directory;
    protected Map<String, Directory.Person> people = Map.of();
    protected String sessionId;
    protected SessionRoom room;
    protected final Drafts drafts = new Drafts();
    private LiveFeed<SessionRoom> liveUpdates;

    LiveSessionView(SessionsClient client, Directory directory, SignedInUser user) {
        this.client = client;
        this.directory = directory;
        this.user = user;
        setMaxWidth("70rem");
    }

    /** What the view reads once besides the session (people, agencies). */
    protected void readOnce() {
        people = directory.people(user.token());
    }

    /** Draws the session; {@code before} is the state drawn until now, or null the first time. */
    protected abstract void draw(SessionRoom before, SessionRoom now);

    @Override
    public void setParameter(BeforeEvent event, String sessionId) {
        this.sessionId = sessionId;
        try {
            readOnce();
            render(client.room(user.token(), sessionId));
            follow();
        } catch (BackendApi.BackendException e) {
            removeAll();
            add(new H2(getTranslation("room.unavailable")), new Paragraph(Feedback.explain(e)));
        }
    }

    /** Shows the session as it was at a past moment: drawn like now, read once, not followed, no notices. */
    public void showPast(SessionRoom past) {
        sessionId = past.sessionId();
        readOnce();
        room = null;
        render(past);
    }

    private void follow() {
        if (liveUpdates != null) {
            liveUpdates.stop();
        }
        String followed = sessionId;
        liveUpdates = LiveFeed.follow(this, () -> client.changes(user.token(), followed), this::render);
    }

    void render(SessionRoom changed) {
        if (room != null && changed.version() < room.version()) {
            return; // a late copy of an older state
        }
        SessionRoom before = room;
        room = changed;
        draw(before, changed);
    }

    /** Sends one action; the live stream brings the new state. */
    protected boolean act(Runnable action, String doneKey) {
        return Feedback.attempt(action, getTranslation(doneKey), this::reload);
    }

    private void reload() {
        try {
            render(client.room(user.token(), sessionId));
        } catch (BackendApi.BackendException gone) {
            Feedback.error(Feedback.explain(gone));
        }
    }

    protected String name(String userId) {
        Directory.Person person = people.get(userId);
        return person == null ? userId : person.label();
    }
}
