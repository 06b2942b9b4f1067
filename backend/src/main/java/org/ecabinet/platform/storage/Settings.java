package org.ecabinet.platform.storage;

import static com.mongodb.client.model.Filters.eq;

import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

/**
 * Settings kept in the store that are decided once, by whoever comes first: two nodes starting together
 * agree on one value, because the second insert of the same key is refused.
 */
@Component
public class Settings {

    private final MongoCollection<Document> settings;

    public Settings(MongoDatabase database) {
        this.settings = database.getCollection("settings");
    }

    /** Stores {@code value} under {@code key} unless it is already there; true when this call stored it. */
    public boolean putIfAbsent(String key, String value) {
        try {
            settings.insertOne(new Document("_id", key).append("value", value));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return false;
        }
    }

    /** Forgets {@code key}: for values an earlier version kept and this one must no longer. */
    public void remove(String key) {
        settings.deleteOne(eq("_id", key));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(settings.find(eq("_id", key)).first()).map(d -> d.getString("value"));
    }
}
