package org.ecabinet.signing;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Detached CMS signatures at the CAdES-BES level: SHA-256, the signer's chain included, and the signed
 * attributes content-type, message-digest, signing-certificate-v2 (binding the signature to one
 * certificate) and, except inside PDFs, signing-time (PAdES carries the time in the signature dictionary
 * instead, as ETSI EN 319 142-1 requires).
 */
final class CmsSignatures {

    private CmsSignatures() {
    }

    static byte[] signDetached(byte[] content, PrivateKey key, List<X509Certificate> chain, Instant signingTime) {
        try {
            X509Certificate signer = chain.get(0);
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2, new DERSet(signingCertificateV2(signer))));
            if (signingTime != null) {
                attributes.add(new Attribute(CMSAttributes.signingTime, new DERSet(new Time(Date.from(signingTime)))));
            }
            var defaults = new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes));
            SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(parameters -> {
                        AttributeTable table = defaults.getAttributes(parameters);
                        // The default generator adds a signing time of its own when none is given.
                        return signingTime == null ? table.remove(CMSAttributes.signingTime) : table;
                    })
                    .build(new JcaContentSignerBuilder(Pki.SIGNATURE_ALGORITHM).setProvider(Pki.BC).build(key), signer);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(signerInfo);
            generator.addCertificates(new JcaCertStore(chain));
            return generator.generate(new CMSProcessableByteArray(content), false).getEncoded("DER");
        } catch (Exception e) {
            throw new IllegalStateException("Signing failed", e);
        }
    }

    static SigningCertificateV2 signingCertificateV2(X509Certificate certificate) throws java.security.cert.CertificateEncodingException {
        var issuer = new GeneralNames(new GeneralName(X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded())));
        return new SigningCertificateV2(new ESSCertIDv2[]{new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256),
                Pki.sha256(certificate.getEncoded()), new IssuerSerial(issuer, certificate.getSerialNumber()))});
    }
}
