package org.ecabinet.dispatch;

import java.time.Instant;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.ecabinet.dispatch.DispatchQueries.FindDocument;
import org.ecabinet.dispatch.DispatchQueries.ListDocuments;
import org.ecabinet.events.dispatch.DispatchEvent;
import org.ecabinet.events.dispatch.DocumentRegistered;
import org.ecabinet.platform.Projection;
import org.ecabinet.platform.storage.ViewStore;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;

/** One {@link DocumentView} per document in {@code document_views}, folded by {@link DispatchFold}; rebuilt at will. */
@Component
@ProcessingGroup(DocumentProjection.PROCESSING_GROUP)
class DocumentProjection implements Projection {

    static final String PROCESSING_GROUP = "document-views";
    static final String COLLECTION = "document_views";

    private final ViewStore<DocumentView> views;
    private final QueryUpdateEmitter updates;

    DocumentProjection(MongoDatabase database, ObjectMapper json, QueryUpdateEmitter updates) {
        this.views = new ViewStore<>(database, COLLECTION, json, DocumentView.class);
        this.updates = updates;
    }

    @EventHandler
    void on(DispatchEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        DocumentView view = event instanceof DocumentRegistered ? new DocumentView() : handle(new FindDocument(event.documentId()));
        DispatchFold.apply(view, event, at);
        view.version = version;
        view.updatedAt = at;
        views.save(view.documentId, view);
        updates.emit(FindDocument.class, q -> q.documentId().equals(view.documentId), view);
    }

    @Override
    public String processingGroup() {
        return PROCESSING_GROUP;
    }

    @Override
    public String collection() {
        return COLLECTION;
    }

    @ResetHandler
    void reset() {
        views.drop();
    }

    @QueryHandler
    DocumentView handle(FindDocument query) {
        return views.find(query.documentId());
    }

    @QueryHandler
    List<DocumentView> handle(ListDocuments query) {
        return views.all(Sorts.descending("registeredAt"));
    }
}
