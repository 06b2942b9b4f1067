package org.ecabinet.signing;

import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.bouncycastle.asn1.ASN1UTCTime;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.ecabinet.signing.VerificationReport.Indication;
import org.ecabinet.signing.VerificationReport.SubIndication;
import org.springframework.stereotype.Component;

/**
 * Validates detached CMS signatures and the PAdES signatures of PDFs against our explicit trust store
 * and our revocation records. Order of checks: format, the signing certificate and its binding (ESS
 * signing-certificate-v2), the signature value over the content, validity of the certificate at the
 * signing time, a chain to a trust anchor, revocation before the signing time.
 */
@Component
public class SignatureVerifier {

    private final TrustStore trustStore;
    private final SigningCertificates certificates;
    private final Map<String, Chain> chains = new ConcurrentHashMap<>();
    private final Clock clock;

    SignatureVerifier(TrustStore trustStore, SigningCertificates certificates, Clock clock) {
        this.trustStore = trustStore;
        this.certificates = certificates;
        this.clock = clock;
    }

    /** The trusted roots as PEM, to hand to independent verifiers along with exported signatures. */
    public String trustAnchorsPem() {
        return trustStore.pem();
    }

    public VerificationReport verifyCms(byte[] content, byte[] signature) {
        return verifyCms(content, signature, null);
    }

    /**
     * One report per signature in the PDF, oldest first. The newest signature must cover the whole file:
     * anything appended after it is a change nobody signed.
     */
    public List<VerificationReport> verifyPdf(byte[] pdf) {
        List<PadesSignatures.Embedded> embedded;
        try {
            embedded = PadesSignatures.extract(pdf);
        } catch (java.io.IOException | RuntimeException e) {
            return List.of(VerificationReport.failed(SubIndication.FORMAT_FAILURE, "Not a readable PDF."));
        }
        if (embedded.isEmpty()) {
            return List.of(VerificationReport.failed(SubIndication.FORMAT_FAILURE, "The PDF carries no signature."));
        }
        List<VerificationReport> reports = new ArrayList<>();
        for (int i = 0; i < embedded.size(); i++) {
            var signature = embedded.get(i);
            VerificationReport report = verifyCms(signature.signedContent(), signature.cms(), signature.signDate());
            if (report.passed() && i == embedded.size() - 1 && !signature.coversWholeFile()) {
                report = report.because(Indication.TOTAL_FAILED, SubIndication.HASH_FAILURE, "The PDF was changed after it was signed.");
            }
            reports.add(report);
        }
        return reports;
    }

    /** {@code claimedTime} is used when the signature carries no signing-time attribute (PAdES). */
    VerificationReport verifyCms(byte[] content, byte[] signature, Instant claimedTime) {
        CMSSignedData signed;
        SignerInformation signer;
        try {
            signed = new CMSSignedData(new CMSProcessableByteArray(content), signature);
            Collection<SignerInformation> signers = signed.getSignerInfos().getSigners();
            if (signers.size() != 1) {
                return VerificationReport.failed(SubIndication.FORMAT_FAILURE, "Expected exactly one signer, found " + signers.size() + ".");
            }
            signer = signers.iterator().next();
        } catch (CMSException | RuntimeException e) {
            return VerificationReport.failed(SubIndication.FORMAT_FAILURE, "Not a readable CMS signature.");
        }
        @SuppressWarnings("unchecked")
        Collection<X509CertificateHolder> matches = signed.getCertificates().getMatches(signer.getSID());
        if (matches.isEmpty()) {
            return new VerificationReport(Indication.INDETERMINATE, SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                    "The signature does not carry its signer's certificate.", null, null, null, List.of(), null);
        }
        X509Certificate certificate;
        List<X509Certificate> carried = new ArrayList<>();
        try {
            certificate = new JcaX509CertificateConverter().getCertificate(matches.iterator().next());
            for (Object holder : signed.getCertificates().getMatches(null)) {
                carried.add(new JcaX509CertificateConverter().getCertificate((X509CertificateHolder) holder));
            }
        } catch (java.security.cert.CertificateException e) {
            return VerificationReport.failed(SubIndication.FORMAT_FAILURE, "The signer's certificate is unreadable.");
        }
        Instant signingTime = signingTime(signer);
        if (signingTime == null) {
            signingTime = claimedTime;
        }
        var bound = certificates.find(certificate);
        VerificationReport report = new VerificationReport(Indication.TOTAL_PASSED, null, "The signature is valid.",
                Pki.commonName(certificate), bound.map(SigningCertificates.Bound::userId).orElse(null),
                Pki.fingerprint(certificate), List.of(certificate.getSubjectX500Principal().getName()), signingTime);

        if (!bindsTo(signer, certificate)) {
            return report.because(Indication.INDETERMINATE, SubIndication.NO_SIGNING_CERTIFICATE_FOUND,
                    "The signing-certificate-v2 attribute is missing or names another certificate.");
        }
        try {
            if (!signer.verify(new JcaSimpleSignerInfoVerifierBuilder().setProvider(Pki.BC).build(certificate.getPublicKey()))) {
                return report.because(Indication.TOTAL_FAILED, SubIndication.SIG_CRYPTO_FAILURE, "The signature value does not verify.");
            }
        } catch (CMSSignerDigestMismatchException e) {
            return report.because(Indication.TOTAL_FAILED, SubIndication.HASH_FAILURE, "The signed content was changed after signing.");
        } catch (Exception e) {
            return report.because(Indication.TOTAL_FAILED, SubIndication.SIG_CRYPTO_FAILURE, "The signature value does not verify.");
        }
        Instant at = signingTime == null ? clock.instant() : signingTime;
        if (at.isAfter(certificate.getNotAfter().toInstant())) {
            return report.because(Indication.TOTAL_FAILED, SubIndication.EXPIRED, "The certificate had expired at the signing time.");
        }
        if (at.isBefore(certificate.getNotBefore().toInstant())) {
            return report.because(Indication.TOTAL_FAILED, SubIndication.NOT_YET_VALID, "The certificate was not yet valid at the signing time.");
        }
        List<String> chain = chainToTrustAnchor(certificate, carried, at);
        if (chain == null) {
            return report.because(Indication.INDETERMINATE, SubIndication.NO_CERTIFICATE_CHAIN_FOUND,
                    "The certificate does not chain to a trusted root.");
        }
        report = new VerificationReport(report.indication(), null, report.message(), report.signer(), report.signerUserId(),
                report.certificateSha256(), chain, signingTime);
        if (bound.isPresent() && bound.get().revoked() && !bound.get().revokedAt().isAfter(at)) {
            return report.because(Indication.TOTAL_FAILED, SubIndication.REVOKED,
                    "The certificate was revoked at " + bound.get().revokedAt() + ", before the signing time.");
        }
        return report;
    }

    private static boolean bindsTo(SignerInformation signer, X509Certificate certificate) {
        if (signer.getSignedAttributes() == null) {
            return false;
        }
        Attribute attribute = signer.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2);
        if (attribute == null) {
            return false;
        }
        try {
            var ids = SigningCertificateV2.getInstance(attribute.getAttrValues().getObjectAt(0)).getCerts();
            return ids.length > 0 && Arrays.equals(ids[0].getCertHash(), Pki.sha256(certificate.getEncoded()));
        } catch (Exception e) {
            return false;
        }
    }

    private static Instant signingTime(SignerInformation signer) {
        if (signer.getSignedAttributes() == null) {
            return null;
        }
        Attribute attribute = signer.getSignedAttributes().get(CMSAttributes.signingTime);
        if (attribute == null) {
            return null;
        }
        var value = attribute.getAttrValues().getObjectAt(0);
        Date date = value instanceof ASN1UTCTime utc ? Time.getInstance(utc).getDate() : Time.getInstance(value).getDate();
        return date.toInstant();
    }

    /**
     * Subjects from the signer up to a trust anchor, or null when no chain is found. A chain found is remembered
     * for the certificate and used again while the trust anchors are the same and the time lies within the
     * validity of every certificate on it: building it is a good part of checking a signature.
     */
    List<String> chainToTrustAnchor(X509Certificate certificate, List<X509Certificate> carried, Instant at) {
        Set<TrustAnchor> anchors = trustStore.anchors();
        if (anchors.isEmpty()) {
            return null;
        }
        String fingerprint = Pki.fingerprint(certificate);
        Chain known = chains.get(fingerprint);
        if (known == null || !known.holds(anchors, at)) {
            known = buildChain(certificate, carried, at, anchors);
            if (known == null) {
                return null;
            }
            if (chains.size() > 10_000) {
                chains.clear();
            }
            chains.put(fingerprint, known);
        }
        return known.subjects();
    }

    /** A chain from a certificate to one of {@code anchors}, good from {@code from} to {@code until}. */
    private record Chain(Set<TrustAnchor> anchors, List<String> subjects, Instant from, Instant until) {
        boolean holds(Set<TrustAnchor> current, Instant at) {
            return anchors == current && !at.isBefore(from) && !at.isAfter(until);
        }
    }

    private static Chain buildChain(X509Certificate certificate, List<X509Certificate> carried, Instant at, Set<TrustAnchor> anchors) {
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(certificate);
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(anchors, target);
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(carried)));
            var result = (PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters);
            List<X509Certificate> path = new ArrayList<>();
            result.getCertPath().getCertificates().forEach(c -> path.add((X509Certificate) c));
            path.add(result.getTrustAnchor().getTrustedCert());
            List<String> subjects = path.stream().map(c -> c.getSubjectX500Principal().getName()).toList();
            Instant from = path.stream().map(c -> c.getNotBefore().toInstant()).max(Instant::compareTo).orElseThrow();
            Instant until = path.stream().map(c -> c.getNotAfter().toInstant()).min(Instant::compareTo).orElseThrow();
            return new Chain(anchors, subjects, from, until);
        } catch (Exception e) {
            return null;
        }
    }
}
