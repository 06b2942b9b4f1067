package org.ecabinet.signing;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import javax.xml.crypto.dsig.CanonicalizationMethod;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import javax.xml.crypto.dsig.Transform;
import javax.xml.crypto.dsig.XMLSignature;
import javax.xml.crypto.dsig.XMLSignatureFactory;
import javax.xml.crypto.dsig.dom.DOMSignContext;
import javax.xml.crypto.dsig.dom.DOMValidateContext;
import javax.xml.crypto.dsig.keyinfo.KeyInfoFactory;

import org.ecabinet.platform.storage.KeptSecrets;
import org.ecabinet.platform.storage.Settings;
import org.springframework.stereotype.Service;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The seal of an agency (an organisation on the axis) over the XML packages it sends: an enveloped
 * XML-DSig signature ({@code ds:Signature}, SHA-256, exclusive canonicalization) over the whole document,
 * with the agency's certificate (issued by the CA, naming the organisation code as UID) in
 * {@code KeyInfo}. {@code xmlsec1 --verify --trusted-pem ca.pem} checks it.
 */
@Service
public class AgencySeals {

    /** What a check of a sealed package found: which organisation sealed it, or why it does not hold. */
    public record Check(boolean valid, String organId, String signer, String detail) {
    }

    private final CertificateAuthority authority;
    private final KeptSecrets secrets;
    private final Settings settings;
    private final SignatureVerifier verifier;
    /** Opening a kept key costs a PKCS#12 key derivation: each agency's is opened once. */
    private final java.util.Map<String, KeptCredential> opened = new java.util.concurrent.ConcurrentHashMap<>();
    private final Clock clock;

    AgencySeals(CertificateAuthority authority, KeptSecrets secrets, Settings settings, SignatureVerifier verifier, Clock clock) {
        this.authority = authority;
        this.secrets = secrets;
        this.settings = settings;
        this.verifier = verifier;
        this.clock = clock;
    }

    /** Seals the document: a {@code ds:Signature} is appended to {@code parent}. */
    public void seal(Document document, Element parent, String organId, String organName) {
        KeptCredential seal = opened.computeIfAbsent(organId, organ -> KeptCredential.openOrIssue(secrets, settings, "agency-seal-" + organ,
                password -> authority.issue(organ, organName, password)));
        try {
            XMLSignatureFactory signatures = XMLSignatureFactory.getInstance("DOM");
            var reference = signatures.newReference("", signatures.newDigestMethod(DigestMethod.SHA256, null),
                    List.of(signatures.newTransform(Transform.ENVELOPED, (javax.xml.crypto.dsig.spec.TransformParameterSpec) null),
                            signatures.newTransform(CanonicalizationMethod.EXCLUSIVE, (javax.xml.crypto.dsig.spec.TransformParameterSpec) null)),
                    null, null);
            var signedInfo = signatures.newSignedInfo(
                    signatures.newCanonicalizationMethod(CanonicalizationMethod.EXCLUSIVE, (javax.xml.crypto.dsig.spec.C14NMethodParameterSpec) null),
                    signatures.newSignatureMethod(SignatureMethod.ECDSA_SHA256, null), List.of(reference));
            KeyInfoFactory keys = signatures.getKeyInfoFactory();
            var keyInfo = keys.newKeyInfo(List.of(keys.newX509Data(List.copyOf(seal.chain()))));
            DOMSignContext context = new DOMSignContext(seal.key(), parent);
            context.setDefaultNamespacePrefix("ds");
            signatures.newXMLSignature(signedInfo, keyInfo).sign(context);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot seal the package", e);
        }
    }

    /** Checks the one enveloped signature of the document against the certificate it carries and the trust store. */
    public Check check(Document document) {
        NodeList found = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        if (found.getLength() != 1) {
            return new Check(false, null, null, "Expected exactly one ds:Signature, found " + found.getLength() + ".");
        }
        try {
            Element signature = (Element) found.item(0);
            List<X509Certificate> carried = certificates(signature);
            if (carried.isEmpty()) {
                return new Check(false, null, null, "The signature does not carry its certificate.");
            }
            X509Certificate certificate = carried.get(0);
            DOMValidateContext context = new DOMValidateContext(certificate.getPublicKey(), signature);
            context.setProperty("org.jcp.xml.dsig.secureValidation", Boolean.TRUE);
            XMLSignature parsed = XMLSignatureFactory.getInstance("DOM").unmarshalXMLSignature(context);
            if (!onlyTheWholeDocument(parsed)) {
                return new Check(false, null, null, "The signature does not cover the whole package.");
            }
            String organId = Pki.userIdOf(certificate);
            String signer = Pki.commonName(certificate);
            if (!parsed.validate(context)) {
                return new Check(false, organId, signer, "The package was changed after it was sealed.");
            }
            if (verifier.chainToTrustAnchor(certificate, carried, clock.instant()) == null) {
                return new Check(false, organId, signer, "The sealing certificate does not chain to a trusted root.");
            }
            return new Check(true, organId, signer, "Sealed by " + signer + " (" + organId + ").");
        } catch (Exception e) {
            return new Check(false, null, null, "The signature cannot be read: " + e.getMessage());
        }
    }

    private static boolean onlyTheWholeDocument(XMLSignature signature) {
        var references = signature.getSignedInfo().getReferences();
        return references.size() == 1 && "".equals(((javax.xml.crypto.dsig.Reference) references.get(0)).getURI());
    }

    private static List<X509Certificate> certificates(Element signature) throws Exception {
        List<X509Certificate> certificates = new ArrayList<>();
        NodeList values = signature.getElementsByTagNameNS(XMLSignature.XMLNS, "X509Certificate");
        for (int i = 0; i < values.getLength(); i++) {
            certificates.add(Pki.certificate(java.util.Base64.getMimeDecoder().decode(values.item(i).getTextContent())));
        }
        return certificates;
    }
}
