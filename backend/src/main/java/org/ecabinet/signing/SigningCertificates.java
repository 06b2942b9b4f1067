package org.ecabinet.signing;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.bson.types.Binary;
import org.ecabinet.platform.storage.KeptSecrets;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

/**
 * Which certificate belongs to which user, with the PIN-encrypted key when the key is held here (remote
 * signing; the PKCS#12 sealed under the master key as well, so the database alone gives no PIN to guess) and the revocation, if any. A certificate imported from another CA has no key here: its owner
 * signs elsewhere and we only verify.
 */
@Component
class SigningCertificates {

    private static final String SEALED_KEY = "sealedPkcs12";
    /** Where versions before the master key kept the PIN-encrypted PKCS#12 in clear (a 6-digit PIN falls to an offline search). */
    private static final String CLEAR_KEY = "pkcs12";

    /**
     * How long a certificate read from the store is used without reading it again. A revocation or a binding
     * made here counts at once (the entry is dropped); one made by another node of the same store within this time.
     */
    private static final long KEPT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    private record Kept<T>(T value, long readAt) {
        boolean fresh() {
            return System.nanoTime() - readAt < KEPT_NANOS;
        }
    }

    private final MongoCollection<Document> certificates;
    private final KeptSecrets secrets;
    /** Every signature check looks its certificate up, every remote signature its signer's credential: kept here a moment. */
    private final Map<String, Kept<Optional<Bound>>> byFingerprint = new ConcurrentHashMap<>();
    private final Map<String, Kept<Optional<Bound>>> credentialOf = new ConcurrentHashMap<>();

    SigningCertificates(MongoDatabase database, KeptSecrets secrets) {
        this.certificates = database.getCollection("signing_certificates");
        this.secrets = secrets;
        sealKeysOfEarlierVersions();
    }

    private void sealKeysOfEarlierVersions() {
        for (Document d : certificates.find(Filters.ne(CLEAR_KEY, null)).into(new java.util.ArrayList<>())) {
            certificates.updateOne(eq("_id", d.getString("_id")), Updates.combine(
                    Updates.set(SEALED_KEY, seal(d.getString("_id"), d.get(CLEAR_KEY, Binary.class).getData())), Updates.unset(CLEAR_KEY)));
        }
    }

    private String seal(String fingerprint, byte[] pkcs12) {
        return secrets.seal(purpose(fingerprint), pkcs12);
    }

    private static String purpose(String fingerprint) {
        return "user-key:" + fingerprint;
    }

    record Bound(String fingerprint, String userId, X509Certificate certificate, String sealedKey, Instant revokedAt, String revocationReason) {
        boolean holdsKey() {
            return sealedKey != null;
        }

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
                    .append(SEALED_KEY, pkcs12 == null ? null : seal(fingerprint, pkcs12))
                    .append("source", source)
                    .append("boundAt", new Date()));
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalArgumentException(e);
        } finally {
            changed(fingerprint, userId);
        }
    }

    Optional<Bound> find(String fingerprint) {
        return kept(byFingerprint, fingerprint, () -> Optional.ofNullable(certificates.find(eq("_id", fingerprint)).first()).map(this::read));
    }

    private static Optional<Bound> kept(Map<String, Kept<Optional<Bound>>> cache, String key, java.util.function.Supplier<Optional<Bound>> read) {
        Kept<Optional<Bound>> kept = cache.get(key);
        if (kept != null && kept.fresh()) {
            return kept.value();
        }
        if (cache.size() > 10_000) {
            cache.clear();
        }
        Optional<Bound> value = read.get();
        cache.put(key, new Kept<>(value, System.nanoTime()));
        return value;
    }

    private void changed(String fingerprint, String userId) {
        byFingerprint.remove(fingerprint);
        if (userId == null) {
            credentialOf.clear();
        } else {
            credentialOf.remove(userId);
        }
    }

    Optional<Bound> find(X509Certificate certificate) {
        return find(Pki.fingerprint(certificate));
    }

    /** The newest unrevoked certificate whose key is held here: the one remote signing uses. */
    Optional<Bound> signingCredential(String userId) {
        return kept(credentialOf, userId, () -> Optional.ofNullable(certificates.find(and(eq("userId", userId), eq("revokedAt", null)))
                        .sort(Sorts.descending("boundAt")).into(new java.util.ArrayList<>()).stream()
                        .filter(d -> d.get(SEALED_KEY) != null).findFirst().orElse(null))
                .map(this::read));
    }

    /** The PIN-encrypted PKCS#12 of a certificate whose key is held here. */
    byte[] keystore(Bound bound) {
        return secrets.open(purpose(bound.fingerprint()), bound.sealedKey());
    }

    List<Bound> ofUser(String userId) {
        return certificates.find(eq("userId", userId)).sort(Sorts.descending("boundAt")).map(this::read).into(new java.util.ArrayList<>());
    }

    boolean revoke(String fingerprint, Instant at, String reason) {
        try {
            return certificates.updateOne(and(eq("_id", fingerprint), eq("revokedAt", null)),
                    Updates.combine(Updates.set("revokedAt", Date.from(at)), Updates.set("revocationReason", reason))).getModifiedCount() == 1;
        } finally {
            changed(fingerprint, null);
        }
    }

    private Bound read(Document d) {
        Date revokedAt = d.getDate("revokedAt");
        return new Bound(d.getString("_id"), d.getString("userId"), Pki.certificate(d.get("der", Binary.class).getData()),
                d.getString(SEALED_KEY), revokedAt == null ? null : revokedAt.toInstant(), d.getString("revocationReason"));
    }
}
