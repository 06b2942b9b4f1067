package org.ecabinet.audit;

import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampToken;
import org.ecabinet.platform.storage.EventHash;

/**
 * Checks an {@link InclusionProof} offline, with nothing but the proof and the trust anchors (the CA
 * certificates the auditor trusts): the event's hash from its stored fields, the audit path up to the
 * checkpoint's root, the checkpoint's seal and its time-stamp, both from certificates issued by a trust
 * anchor. Each step says what it found.
 */
final class ProofCheck {

    record Step(String what, boolean holds, String detail) {
    }

    private ProofCheck() {
    }

    static List<Step> check(InclusionProof proof, List<X509Certificate> trustAnchors) {
        List<Step> steps = new ArrayList<>();
        var event = proof.event();
        String hash = EventHash.recompute(event);
        steps.add(new Step("event hash", hash.equals(event.hash()),
                hash.equals(event.hash()) ? "The event's fields hash to " + hash + "." : "The event's fields hash to " + hash + ", not to its stated hash."));
        Checkpoint checkpoint = Checkpoint.parse(proof.statement(), new byte[0], new byte[0]);
        byte[] leaf = LedgerLeaf.of(proof.leafIndex(), hash);
        List<byte[]> path = proof.auditPath().stream().map(HexFormat.of()::parseHex).toList();
        boolean included = event.global() == proof.leafIndex() && checkpoint.treeSize() == proof.treeSize()
                && MerkleTree.verifyInclusion(leaf, proof.leafIndex(), proof.treeSize(), path, HexFormat.of().parseHex(checkpoint.rootHash()));
        steps.add(new Step("inclusion", included, included
                ? "Leaf " + proof.leafIndex() + " is in the tree of " + proof.treeSize() + " leaves with root " + checkpoint.rootHash() + "."
                : "The audit path does not lead from this event to the checkpoint's root."));
        byte[] statement = proof.statement().getBytes(StandardCharsets.UTF_8);
        String seal = checkSeal(statement, Base64.getDecoder().decode(proof.seal()), trustAnchors);
        steps.add(new Step("seal", seal == null, seal == null ? "The checkpoint is sealed by a certificate of a trust anchor." : seal));
        String stamp = checkStamp(Base64.getDecoder().decode(proof.timeStamp()), Ledger.sha256(statement), trustAnchors);
        steps.add(new Step("time-stamp", stamp == null, stamp == null ? "Time-stamped at " + timeOf(proof.timeStamp()) + "." : stamp));
        return steps;
    }

    /** Why a detached CMS signature of {@code content} does not hold, or null when it does. */
    static String checkSeal(byte[] content, byte[] cms, List<X509Certificate> trustAnchors) {
        try {
            CMSSignedData signed = new CMSSignedData(new CMSProcessableByteArray(content), cms);
            for (SignerInformation signer : signed.getSignerInfos().getSigners()) {
                X509CertificateHolder certificate = certificateOf(signed.getCertificates().getMatches(signer.getSID()));
                if (certificate == null) {
                    return "The signature does not carry its signer's certificate.";
                }
                if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate))) {
                    return "The signature does not match the content.";
                }
                String chain = issuedByAnchor(certificate, trustAnchors);
                if (chain != null) {
                    return chain;
                }
            }
            return signed.getSignerInfos().size() == 0 ? "The signature has no signer." : null;
        } catch (Exception e) {
            return "The signature does not verify: " + e.getMessage();
        }
    }

    /** Why an RFC 3161 token does not vouch for {@code sha256}, or null when it does. */
    static String checkStamp(byte[] token, byte[] sha256, List<X509Certificate> trustAnchors) {
        try {
            TimeStampToken parsed = new TimeStampToken(new CMSSignedData(token));
            if (!java.util.Arrays.equals(parsed.getTimeStampInfo().getMessageImprintDigest(), sha256)) {
                return "The time-stamp is over other data.";
            }
            X509CertificateHolder unit = certificateOf(parsed.getCertificates().getMatches(parsed.getSID()));
            if (unit == null) {
                return "The time-stamp does not carry its signer's certificate.";
            }
            parsed.validate(new JcaSimpleSignerInfoVerifierBuilder().build(unit));
            return issuedByAnchor(unit, trustAnchors);
        } catch (Exception e) {
            return "The time-stamp does not verify: " + e.getMessage();
        }
    }

    private static String timeOf(String token) {
        try {
            return new TimeStampToken(new CMSSignedData(Base64.getDecoder().decode(token))).getTimeStampInfo().getGenTime().toInstant().toString();
        } catch (Exception e) {
            return "?";
        }
    }

    private static X509CertificateHolder certificateOf(Collection<?> matches) {
        return matches.stream().filter(X509CertificateHolder.class::isInstance).map(X509CertificateHolder.class::cast).findFirst().orElse(null);
    }

    private static String issuedByAnchor(X509CertificateHolder holder, List<X509Certificate> trustAnchors) throws Exception {
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
        for (X509Certificate anchor : trustAnchors) {
            try {
                certificate.verify(anchor.getPublicKey());
                certificate.checkValidity();
                return null;
            } catch (java.security.GeneralSecurityException notThisOne) {
                // try the next anchor
            }
        }
        return "The certificate of " + certificate.getSubjectX500Principal().getName() + " was not issued by a trust anchor.";
    }
}
