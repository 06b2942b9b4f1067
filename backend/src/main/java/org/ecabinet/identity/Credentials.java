package org.ecabinet.identity;

import static com.mongodb.client.model.Filters.eq;

import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Password hashes, apart from the user directory: the directory is rebuilt from the account events, and a
 * password (even hashed) is never part of an event, which auditors read.
 */
@Repository
public class Credentials {

    /** Like the first administrator's: a password anyone chooses has at least this many characters. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private static final String ID = "_id";
    private static final String PASSWORD_HASH = "passwordHash";
    private static final String MUST_CHANGE = "mustChange";

    /** A user's password hash, and whether an administrator set it (the user must choose their own before anything else). */
    public record Credential(String passwordHash, boolean mustChange) {
    }

    private final MongoCollection<Document> collection;

    Credentials(MongoDatabase database) {
        this.collection = database.getCollection("credentials");
    }

    public Optional<Credential> find(String userId) {
        return Optional.ofNullable(collection.find(eq(ID, userId)).first()).map(Credentials::credential);
    }

    /** Everyone's, by user id: one read for a whole listing. */
    java.util.Map<String, Credential> all() {
        java.util.Map<String, Credential> all = new java.util.HashMap<>();
        collection.find().forEach(d -> all.put(d.getString(ID), credential(d)));
        return all;
    }

    private static Credential credential(Document d) {
        return new Credential(d.getString(PASSWORD_HASH), d.getBoolean(MUST_CHANGE, false));
    }

    public void set(String userId, String passwordHash, boolean mustChange) {
        collection.replaceOne(eq(ID, userId), new Document(ID, userId).append(PASSWORD_HASH, passwordHash).append(MUST_CHANGE, mustChange),
                new ReplaceOptions().upsert(true));
    }
}
