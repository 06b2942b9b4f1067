package org.ecabinet.dispatch;

import java.time.Instant;
import java.util.List;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.ecabinet.dispatch.DispatchQueries.FindByEdXmlId;
import org.ecabinet.dispatch.DispatchQueries.FindDocument;
import org.ecabinet.dispatch.DispatchQueries.ListDocuments;
import org.ecabinet.events.dispatch.DispatchEvent;
import org.ecabinet.events.dispatch.DocumentRegistered;
import org.ecabinet.platform.storage.ViewProjection;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

/** One {@link DocumentView} per document in {@code document_views}, folded by {@link DispatchFold}; rebuilt at will. */
@Component
@ProcessingGroup(DocumentProjection.PROCESSING_GROUP)
class DocumentProjection extends ViewProjection<DocumentView> {

    static final String PROCESSING_GROUP = "document-views";
    static final String COLLECTION = "document_views";

    DocumentProjection(MongoDatabase database, ObjectMapper json, QueryUpdateEmitter updates) {
        super(PROCESSING_GROUP, COLLECTION, DocumentView.class, database, json, updates, new LiveQuery<>(FindDocument.class, FindDocument::documentId));
    }

    @EventHandler
    void on(DispatchEvent event, @SequenceNumber long version, @Timestamp Instant at) {
        DocumentView stored = handle(new FindDocument(event.documentId()));
        if (shows(stored, version)) {
            return; // folded already, by a node that died before it stored its token
        }
        DocumentView view = event instanceof DocumentRegistered ? new DocumentView() : stored;
        DispatchFold.apply(view, event, at);
        view.version = version;
        view.updatedAt = at;
        publish(view.documentId, view);
    }

    @Override
    protected long version(DocumentView view) {
        return view.version;
    }

    @QueryHandler
    DocumentView handle(FindDocument query) {
        return find(query.documentId());
    }

    @QueryHandler
    DocumentView handle(FindByEdXmlId query) {
        return first(Filters.and(Filters.eq("senderOrganId", query.senderOrganId()), Filters.eq("edxmlDocumentId", query.edxmlDocumentId())));
    }

    @QueryHandler
    List<DocumentView> handle(ListDocuments query) {
        return all(Sorts.descending("registeredAt"));
    }
}
