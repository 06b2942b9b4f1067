package org.ecabinet.platform;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;

/** What a failure was underneath: the gateway, Axon and futures wrap what a handler or the store threw. */
public final class Causes {

    private Causes() {
    }

    /** Whether the failure, or anything that caused it, is of one of these kinds. */
    @SafeVarargs
    public static boolean include(Throwable failure, Class<? extends Throwable>... kinds) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            for (Class<? extends Throwable> kind : kinds) {
                if (kind.isInstance(cause)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the aggregate a command was to create is stored already: another node, or an earlier try, created it first. */
    public static boolean aggregateAlreadyStored(Throwable failure) {
        return include(failure, AggregateStreamCreationException.class, ConcurrencyException.class);
    }
}
