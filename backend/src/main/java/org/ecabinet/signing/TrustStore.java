package org.ecabinet.signing;

import static com.mongodb.client.model.Filters.eq;

import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.ecabinet.platform.secrets.MasterKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

/**
 * The explicit list of CA roots whose certificates we accept: the development CA and whatever an admin
 * imported. Nothing from the JDK's or the operating system's trust stores.
 * <p>
 * Each root is kept with a MAC under the master key: a root written into the database by anyone but this
 * system (to make their own certificates pass) is ignored, and said so in the log. The roots are read at
 * most every {@link #REREAD} (they are asked for on every signature check, and parsing them each time cost
 * a store round trip inside the ballot's lock); a root added here counts at once.
 */
@Component
class TrustStore {

    private static final Logger log = LoggerFactory.getLogger(TrustStore.class);
    private static final Duration REREAD = Duration.ofSeconds(30);
    private static final String MAC_PURPOSE = "trust-anchor";

    private record Read(List<X509Certificate> roots, Set<TrustAnchor> anchors, Instant at) {
    }

    private final MongoCollection<Document> anchors;
    private final MasterKey key;
    private final Clock clock;
    private volatile Read read;

    TrustStore(MongoDatabase database, MasterKey key, Clock clock) {
        this.anchors = database.getCollection("trust_anchors");
        this.key = key;
        this.clock = clock;
    }

    void add(X509Certificate root, String addedBy) {
        String fingerprint = Pki.fingerprint(root);
        String pem = Pki.pem(root);
        Document existing = anchors.find(eq("_id", fingerprint)).first();
        if (existing == null || !holds(existing)) {
            anchors.replaceOne(eq("_id", fingerprint), new Document("_id", fingerprint)
                    .append("subject", root.getSubjectX500Principal().getName())
                    .append("pem", pem)
                    .append("mac", key.mac(MAC_PURPOSE, fingerprint + "\n" + pem))
                    .append("addedBy", addedBy)
                    .append("addedAt", java.util.Date.from(clock.instant())), new ReplaceOptions().upsert(true));
        }
        read = null;
    }

    List<X509Certificate> roots() {
        return current().roots();
    }

    /** The same set as long as the roots are the same: what was checked against it may be remembered with it. */
    Set<TrustAnchor> anchors() {
        return current().anchors();
    }

    private Read current() {
        Read current = read;
        if (current == null || current.at().plus(REREAD).isBefore(clock.instant())) {
            List<X509Certificate> roots = new ArrayList<>();
            for (Document d : anchors.find()) {
                if (holds(d)) {
                    roots.addAll(Pki.parsePem(d.getString("pem")));
                } else {
                    log.warn("Ignored the trust anchor {} ({}): it was not added by this system (its MAC does not hold).", d.get("_id"), d.get("subject"));
                }
            }
            Set<TrustAnchor> anchors = new HashSet<>();
            roots.forEach(root -> anchors.add(new TrustAnchor(root, null)));
            current = new Read(List.copyOf(roots), Set.copyOf(anchors), clock.instant());
            read = current;
        }
        return current;
    }

    private boolean holds(Document anchor) {
        return anchor.get("_id") instanceof String fingerprint && anchor.get("pem") instanceof String pem
                && key.verifies(MAC_PURPOSE, fingerprint + "\n" + pem, anchor.getString("mac"));
    }

    String pem() {
        StringBuilder pem = new StringBuilder();
        roots().forEach(root -> pem.append(Pki.pem(root)));
        return pem.toString();
    }
}
