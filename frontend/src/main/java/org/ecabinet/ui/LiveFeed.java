package org.ecabinet.ui;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;

import reactor.core.Disposable;
import reactor.core.publisher.Flux;

/**
 * The one way a view follows a backend stream: subscribed while the view is attached (at once if it already is),
 * each state drawn through {@code UI.access} — never on the stream's thread, never by waiting on the UI thread —
 * and disposed when the view is detached or the feed stopped. A broken stream is told to the user once.
 */
public final class LiveFeed<T> {

    /**
     * The feeds subscribed now, in every session: when the application stops they are ended first, before the HTTP
     * client's event loops are; a feed left open would try to reconnect into a terminated loop (Netty's
     * RejectedExecutionException, once per open page, and a slower exit). Static because views create their feeds.
     */
    private static final Set<LiveFeed<?>> OPEN = ConcurrentHashMap.newKeySet();
    private static volatile boolean stopping;

    private final Supplier<Flux<T>> stream;
    private final Consumer<T> draw;
    private final Registration onAttach;
    private final Registration onDetach;
    private Disposable subscription;

    private LiveFeed(Component view, Supplier<Flux<T>> stream, Consumer<T> draw) {
        this.stream = stream;
        this.draw = draw;
        this.onAttach = view.addAttachListener(attached -> subscribe(attached.getUI()));
        this.onDetach = view.addDetachListener(detached -> unsubscribe());
        if (view.isAttached()) {
            view.getUI().ifPresent(this::subscribe);
        }
    }

    /** Follows {@code stream} for as long as {@code view} is on screen, drawing each state with {@code draw}. */
    public static <T> LiveFeed<T> follow(Component view, Supplier<Flux<T>> stream, Consumer<T> draw) {
        return new LiveFeed<>(view, stream, draw);
    }

    /** Stops following for good: the view follows something else now. */
    public void stop() {
        unsubscribe();
        onAttach.remove();
        onDetach.remove();
    }

    private synchronized void subscribe(UI ui) {
        unsubscribe();
        if (stopping) {
            return;
        }
        subscription = stream.get().subscribe(state -> ui.access(() -> draw.accept(state)),
                failure -> ui.access(() -> Feedback.error(ui.getTranslation("room.liveLost"))));
        OPEN.add(this);
    }

    private synchronized void unsubscribe() {
        if (subscription != null) {
            subscription.dispose();
            subscription = null;
        }
        OPEN.remove(this);
    }

    /** Ends every open feed and refuses new ones: the application is stopping. */
    static void stopAll() {
        stopping = true;
        OPEN.forEach(LiveFeed::unsubscribe);
    }

    /** Feeds may be opened again: the application (re)started. */
    static void allow() {
        stopping = false;
    }

    static int open() {
        return OPEN.size();
    }
}
