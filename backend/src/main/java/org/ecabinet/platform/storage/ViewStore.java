package org.ecabinet.platform.storage;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.List;

import org.bson.Document;
import org.bson.conversions.Bson;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

/** A collection of query-model documents, one per id, written and read as JSON with the application's mapper. */
public final class ViewStore<T> {

    private final MongoCollection<Document> collection;
    private final ObjectMapper json;
    private final Class<T> type;

    public ViewStore(MongoDatabase database, String collection, ObjectMapper json, Class<T> type) {
        this.collection = database.getCollection(collection);
        this.json = json;
        this.type = type;
    }

    public void save(String id, T view) {
        try {
            collection.replaceOne(eq("_id", id), Document.parse(json.writeValueAsString(view)).append("_id", id),
                    new ReplaceOptions().upsert(true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The view, or null when there is none (Axon query handlers answer null for "not found"). */
    public T find(String id) {
        Document document = collection.find(eq("_id", id)).first();
        return document == null ? null : read(document);
    }

    /** The first view matching the filter, or null. */
    public T first(Bson filter) {
        Document document = collection.find(filter).first();
        return document == null ? null : read(document);
    }

    public List<T> all(Bson sort) {
        List<T> all = new ArrayList<>();
        collection.find().sort(sort).forEach(d -> all.add(read(d)));
        return all;
    }

    public void drop() {
        collection.drop();
    }

    private T read(Document document) {
        try {
            document.remove("_id");
            return json.readValue(document.toJson(), type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable " + type.getSimpleName() + " " + document, e);
        }
    }
}
