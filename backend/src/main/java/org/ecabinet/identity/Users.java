package org.ecabinet.identity;

import static com.mongodb.client.model.Filters.eq;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Repository;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

/** The user directory, kept in the {@code users} collection. */
@Repository
public class Users {

    private final MongoCollection<Document> collection;

    Users(MongoDatabase database) {
        this.collection = database.getCollection("users");
    }

    public Optional<CabinetUser> find(String id) {
        return Optional.ofNullable(collection.find(eq("_id", id)).first()).map(Users::fromDocument);
    }

    public List<CabinetUser> all() {
        List<CabinetUser> users = new ArrayList<>();
        collection.find().forEach(d -> users.add(fromDocument(d)));
        users.sort(Comparator.comparingInt(CabinetUser::rank).thenComparing(CabinetUser::id));
        return users;
    }

    /** The cabinet roster in protocol order: the base of every quorum and majority. */
    public List<CabinetUser> cabinetMembers() {
        return all().stream().filter(u -> u.has(Role.MEMBER)).toList();
    }

    public Optional<CabinetUser> chair() {
        return all().stream().filter(u -> u.has(Role.CHAIR)).findFirst();
    }

    public boolean isEmpty() {
        return collection.countDocuments() == 0;
    }

    void save(CabinetUser user) {
        Document document = new Document("_id", user.id())
                .append("displayName", user.displayName())
                .append("title", user.title())
                .append("roles", user.roles().stream().map(Enum::name).sorted().toList())
                .append("organisationCode", user.organisationCode())
                .append("rank", user.rank())
                .append("demo", user.demo())
                .append("passwordHash", user.passwordHash())
                .append("email", user.email())
                .append("disabled", !user.enabled());
        collection.replaceOne(eq("_id", user.id()), document, new ReplaceOptions().upsert(true));
    }

    private static CabinetUser fromDocument(Document d) {
        return new CabinetUser(d.getString("_id"), d.getString("displayName"), d.getString("title"),
                d.getList("roles", String.class).stream().map(Role::valueOf).collect(java.util.stream.Collectors.toSet()),
                d.getString("organisationCode"), d.getInteger("rank", 1000), d.getBoolean("demo", false),
                d.getString("passwordHash"), d.getString("email"), !d.getBoolean("disabled", false));
    }
}
