package org.ecabinet.identity;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.lt;
import static com.mongodb.client.model.Filters.or;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.ecabinet.events.account.Role;
import org.springframework.stereotype.Repository;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;

/**
 * The user directory, kept in the {@code users} collection: written by {@link UserDirectoryProjection} from the
 * account events (each document carries the sequence number of the last event it shows, {@code version}),
 * with the password hashes read from {@link Credentials}.
 */
@Repository
public class Users {

    private static final String ID = "_id";
    private static final String DISPLAY_NAME = "displayName";
    private static final String TITLE = "title";
    private static final String ROLES = "roles";
    private static final String ORGANISATION = "organisationCode";
    private static final String RANK = "rank";
    private static final String DEMO = "demo";
    private static final String EMAIL = "email";
    private static final String DISABLED = "disabled";
    private static final String VERSION = "version";
    /** Where versions before the account events kept the hash; moved to {@link Credentials} by {@code AccountMigration}. */
    static final String LEGACY_PASSWORD_HASH = "passwordHash";

    private final MongoCollection<Document> collection;
    private final Credentials credentials;

    Users(MongoDatabase database, Credentials credentials) {
        this.collection = database.getCollection("users");
        this.credentials = credentials;
    }

    public Optional<CabinetUser> find(String id) {
        return Optional.ofNullable(collection.find(eq(ID, id)).first()).map(d -> fromDocument(d, credentials.find(id)));
    }

    public List<CabinetUser> all() {
        List<CabinetUser> users = new ArrayList<>();
        var all = credentials.all(); // one read, not one per user: every roster and listing goes through here
        collection.find().forEach(d -> users.add(fromDocument(d, Optional.ofNullable(all.get(d.getString(ID))))));
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

    /** The version of the account events this user's entry shows: -1 when the entry was not made from events (or does not exist). */
    public long version(String id) {
        Document d = collection.find(eq(ID, id)).first();
        return d == null || d.get(VERSION) == null ? -1 : ((Number) d.get(VERSION)).longValue();
    }

    /** How long a request that changed an account waits for the directory to show it. */
    public static final Duration VISIBLE_WITHIN = Duration.ofSeconds(10);

    /**
     * Waits until the directory shows the account's event {@code version}: an administrator's change is
     * visible (and applies to sign-in) when the request that made it is answered. False after {@link #VISIBLE_WITHIN}.
     */
    public boolean awaitVersion(String id, long version) {
        long until = System.nanoTime() + VISIBLE_WITHIN.toNanos();
        while (version(id) < version) {
            if (System.nanoTime() > until) {
                return false;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** As {@link #awaitVersion}, and a failure if the directory does not show it in time. */
    public void requireVersion(String id, long version) {
        if (!awaitVersion(id, version)) {
            throw new IllegalStateException("The user directory did not show event " + version + " of " + id + " within " + VISIBLE_WITHIN);
        }
    }

    /**
     * Entries made before the account events existed (their password hash still in the entry, when the credentials
     * have none), which the administration's migration turns into events.
     */
    public List<CabinetUser> withoutEvents() {
        List<CabinetUser> found = new ArrayList<>();
        for (Document d : collection.find(exists(VERSION, false))) {
            CabinetUser user = fromDocument(d, credentials.find(d.getString(ID)));
            found.add(user.passwordHash() != null ? user : new CabinetUser(user.id(), user.displayName(), user.title(), user.roles(),
                    user.organisationCode(), user.rank(), user.demo(), d.getString(LEGACY_PASSWORD_HASH), user.email(), user.enabled(), false));
        }
        return found;
    }

    /** Only for tests and the migration of earlier versions: an entry written directly, without events. */
    void save(CabinetUser user) {
        collection.replaceOne(eq(ID, user.id()), document(user), new ReplaceOptions().upsert(true));
        credentials.set(user.id(), user.passwordHash(), user.mustChangePassword());
    }

    void created(CabinetUser user, long version) {
        try {
            collection.replaceOne(notYetAt(user.id(), version), document(user).append(VERSION, version), new ReplaceOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // the entry already shows this event or a later one: handled before a restart
        }
    }

    void changed(String id, long version, Bson update) {
        collection.updateOne(notYetAt(id, version), Updates.combine(update, Updates.set(VERSION, version)));
    }

    static Bson roles(List<Role> roles, String organisationCode) {
        return Updates.combine(Updates.set(ROLES, roles.stream().map(Enum::name).sorted().toList()), Updates.set(ORGANISATION, organisationCode));
    }

    static Bson disabled(boolean disabled) {
        return Updates.set(DISABLED, disabled);
    }

    /** Any change of the account's events: the version alone. */
    static Bson unchanged() {
        return Updates.combine();
    }

    private static Bson notYetAt(String id, long version) {
        return and(eq(ID, id), or(exists(VERSION, false), lt(VERSION, version)));
    }

    private static Document document(CabinetUser user) {
        return new Document(ID, user.id())
                .append(DISPLAY_NAME, user.displayName())
                .append(TITLE, user.title())
                .append(ROLES, user.roles().stream().map(Enum::name).sorted().toList())
                .append(ORGANISATION, user.organisationCode())
                .append(RANK, user.rank())
                .append(DEMO, user.demo())
                .append(EMAIL, user.email())
                .append(DISABLED, !user.enabled());
    }

    private static CabinetUser fromDocument(Document d, Optional<Credentials.Credential> credential) {
        return new CabinetUser(d.getString(ID), d.getString(DISPLAY_NAME), d.getString(TITLE),
                d.getList(ROLES, String.class).stream().map(Role::valueOf).collect(Collectors.toSet()),
                d.getString(ORGANISATION), d.getInteger(RANK, 1000), d.getBoolean(DEMO, false),
                credential.map(Credentials.Credential::passwordHash).orElse(null), d.getString(EMAIL), !d.getBoolean(DISABLED, false),
                credential.map(Credentials.Credential::mustChange).orElse(false));
    }
}
