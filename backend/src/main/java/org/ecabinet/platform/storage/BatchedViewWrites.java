package org.ecabinet.platform.storage;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Writes the views that the events of one batch changed, once each, right after the batch's last event is
 * handled (see {@link ViewProjection#publish}). Registered on every event processor: it sees every event of
 * the batch, whichever handler took it or none. Not when the batch commits: the processor stores its token
 * first then, and a view lost by a crash between the two would never be written again.
 */
public final class BatchedViewWrites implements MessageHandlerInterceptor<EventMessage<?>> {

    private static final String PENDING = "view-writes";

    /** A view changed by the batch, and how it is written. */
    private record Pending(Object view, Runnable write) {
    }

    /**
     * Remembers the write of a view for the end of the batch, replacing an earlier one of the same view; outside a
     * batch, writes now.
     */
    static void write(String collection, String id, Object view, Runnable write) {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch) {
            batch.<Map<String, Pending>>getOrComputeResource(PENDING, key -> new LinkedHashMap<>()).put(collection + "/" + id, new Pending(view, write));
        } else {
            write.run();
        }
    }

    /** The view as the batch being handled changed it and will write it, if it did. */
    static Optional<Object> pending(String collection, String id) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        Map<String, Pending> pending = CurrentUnitOfWork.get().root().getResource(PENDING);
        return pending == null ? Optional.empty() : Optional.ofNullable(pending.get(collection + "/" + id)).map(Pending::view);
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        if (unitOfWork.root() instanceof BatchingUnitOfWork<?> batch && batch.isLastMessage()) {
            Map<String, Pending> pending = batch.getResource(PENDING);
            if (pending != null) {
                pending.values().forEach(view -> view.write().run());
                pending.clear();
            }
        }
        return result;
    }
}
