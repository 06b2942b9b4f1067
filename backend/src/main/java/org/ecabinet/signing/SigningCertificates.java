package org.ecabinet.signing;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * Which certificate belongs to which user, with the PIN-encrypted key when the key is held here (remote
 * signing) and the revocation, if any. A certificate imported from another CA has no key here: its owner
 * signs elsewhere and we only verify.
 */
@Component
class SigningCertificates {

    private final MongoCollection<Document> certificates;

    SigningCertificates(MongoDatabase database) {
        this.certificates = database.getCollection("signing_certificates");
    }

    record Bound(String fingerprint, String userId, X509Certificate certificate, byte[] pkcs12, Instant revokedAt, String revocationReason) {
        boolean revoked() {
            return revokedAt != null;
        }
    }

    void bind(String userId, X509Certificate certificate, byte[] pkcs12, String source) {
        String fingerprint = Pki.fingerprint(certificate);
        if (certificates.find(eq("_id", fingerprint)).first() != null) {
            throw new IllegalArgumentException("This certificate is already bound to a user.");
        }
        try {
            certificates.insertOne(new Document("_id", fingerprint)
                    .append("userId", userId)
                    .append("serial", certificate.getSerialNumber().toString(16))
                    .append("subject", certificate.getSubjectX500Principal().getName())
                    .append("issuer", certificate.getIssuerX500Principal().getName())
                    .append("notAfter", certificate.getNotAfter())
                    .append("der", new Binary(certificate.getEncoded()))
                    .append("pkcs12", pkcs12 == null ? null : new Binary(pkcs12))
                    .append("source", source)
                    .append("boundAt", new Date()));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Optional<Bound> find(String fingerprint) {
        return Optional.ofNullable(certificates.find(eq("_id", fingerprint)).first()).map(SigningCertificates::read);
    }

    Optional<Bound> find(X509Certificate certificate) {
        return find(Pki.fingerprint(certificate));
    }

    /** The newest unrevoked certificate whose key is held here: the one remote signing uses. */
    Optional<Bound> signingCredential(String userId) {
        return Optional.ofNullable(certificates.find(and(eq("userId", userId), eq("revokedAt", null)))
                        .sort(Sorts.descending("boundAt")).into(new java.util.ArrayList<>()).stream()
                        .filter(d -> d.get("pkcs12") != null).findFirst().orElse(null))
                .map(SigningCertificates::read);
    }

    List<Bound> ofUser(String userId) {
        return certificates.find(eq("userId", userId)).sort(Sorts.descending("boundAt")).map(SigningCertificates::read).into(new java.util.ArrayList<>());
    }

    boolean revoke(String fingerprint, Instant at, String reason) {
        return certificates.updateOne(and(eq("_id", fingerprint), eq("revokedAt", null)),
                Updates.combine(Updates.set("revokedAt", Date.from(at)), Updates.set("revocationReason", reason))).getModifiedCount() == 1;
    }

    private static Bound read(Document d) {
        Binary pkcs12 = d.get("pkcs12", Binary.class);
        Date revokedAt = d.getDate("revokedAt");
        return new Bound(d.getString("_id"), d.getString("userId"), Pki.certificate(d.get("der", Binary.class).getData()),
                pkcs12 == null ? null : pkcs12.getData(), revokedAt == null ? null : revokedAt.toInstant(), d.getString("revocationReason"));
    }
}
