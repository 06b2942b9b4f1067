package org.ecabinet.signing;

import static com.mongodb.client.model.Filters.eq;

import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.ReplaceOptions;

/**
 * The explicit list of CA roots whose certificates we accept: the development CA and whatever an admin
 * imported. Nothing from the JDK's or the operating system's trust stores.
 */
@Component
class TrustStore {

    private final MongoCollection<Document> anchors;

    TrustStore(MongoDatabase database) {
        this.anchors = database.getCollection("trust_anchors");
    }

    void add(X509Certificate root, String addedBy) {
        String fingerprint = Pki.fingerprint(root);
        if (anchors.find(eq("_id", fingerprint)).first() == null) {
            anchors.replaceOne(eq("_id", fingerprint), new Document("_id", fingerprint)
                    .append("subject", root.getSubjectX500Principal().getName())
                    .append("pem", Pki.pem(root))
                    .append("addedBy", addedBy)
                    .append("addedAt", java.util.Date.from(java.time.Instant.now())), new ReplaceOptions().upsert(true));
        }
    }

    List<X509Certificate> roots() {
        List<X509Certificate> roots = new ArrayList<>();
        anchors.find().forEach(d -> roots.addAll(Pki.parsePem(d.getString("pem"))));
        return roots;
    }

    Set<TrustAnchor> anchors() {
        Set<TrustAnchor> set = new HashSet<>();
        roots().forEach(root -> set.add(new TrustAnchor(root, null)));
        return set;
    }

    String pem() {
        StringBuilder pem = new StringBuilder();
        roots().forEach(root -> pem.append(Pki.pem(root)));
        return pem.toString();
    }
}
