package org.ecabinet.platform.storage;

import java.util.LinkedHashMap;
import java.util.Map;

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

    /** Remembers a write for the end of the batch, replacing an earlier one of the same view; outside a batch, writes now. */
    static void write(String collection, String id, Runnable write) {
        if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch) {
            batch.<Map<String, Runnable>>getOrComputeResource(PENDING, key -> new LinkedHashMap<>()).put(collection + "/" + id, write);
        } else {
            write.run();
        }
    }

    @Override
    public Object handle(UnitOfWork<? extends EventMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        Object result = chain.proceed();
        if (unitOfWork.root() instanceof BatchingUnitOfWork<?> batch && batch.isLastMessage()) {
            Map<String, Runnable> pending = batch.getResource(PENDING);
            if (pending != null) {
                pending.values().forEach(Runnable::run);
                pending.clear();
            }
        }
        return result;
    }
}
