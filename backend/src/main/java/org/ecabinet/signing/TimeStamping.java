package org.ecabinet.signing;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.ecabinet.platform.storage.KeptSecrets;
import org.ecabinet.platform.storage.Settings;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * RFC 3161 time-stamps. By default from an internal time-stamping authority (Bouncy Castle TSP) whose
 * certificate the development CA issues, for the embedded set-up; with {@code cabinet.signing.tsa-url} set,
 * from that external service (HTTP, {@code application/timestamp-query}), as production should.
 */
@Service
public class TimeStamping {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String externalUrl;
    private final Clock clock;
    private final X509Certificate certificate;
    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    TimeStamping(CertificateAuthority authority, KeptSecrets secrets, Settings settings, Clock clock, @Value("${cabinet.signing.tsa-url:}") String externalUrl) {
        this.clock = clock;
        this.externalUrl = externalUrl;
        KeptCredential unit = KeptCredential.openOrIssue(secrets, settings, "internal-tsa", password -> authority.issueTimeStampingUnit(
                new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.C, "VN").addRDN(BCStyle.O, "e-Cabinet (development)")
                        .addRDN(BCStyle.CN, "e-Cabinet internal time-stamping unit").build(), password));
        this.key = unit.key();
        this.chain = unit.chain();
        this.certificate = unit.certificate();
    }

    /** A time-stamp token (DER) over a SHA-256 digest. */
    public byte[] stamp(byte[] sha256) {
        try {
            TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
            requests.setCertReq(true);
            TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256, sha256, new BigInteger(64, RANDOM));
            TimeStampResponse response = externalUrl.isBlank() ? internal(request) : external(request);
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new IllegalStateException("The time-stamping service refused: " + response.getStatusString());
            }
            return response.getTimeStampToken().getEncoded();
        } catch (Exception e) {
            throw new IllegalStateException("No time-stamp: " + e.getMessage(), e);
        }
    }

    /** The time a valid token vouches for over this digest, or an explanation of why it does not. */
    public Check check(byte[] token, byte[] sha256) {
        try {
            TimeStampToken parsed = new TimeStampToken(new org.bouncycastle.cms.CMSSignedData(token));
            if (!Arrays.equals(parsed.getTimeStampInfo().getMessageImprintDigest(), sha256)) {
                return new Check(false, null, "The time-stamp is over other data.");
            }
            @SuppressWarnings("unchecked")
            java.util.Collection<org.bouncycastle.cert.X509CertificateHolder> matches = parsed.getCertificates().getMatches(parsed.getSID());
            org.bouncycastle.cert.X509CertificateHolder signer = matches.stream().findFirst().orElse(null);
            if (signer == null) {
                return new Check(false, null, "The time-stamp does not carry its signer's certificate.");
            }
            parsed.validate(new JcaSimpleSignerInfoVerifierBuilder().build(signer));
            Instant time = parsed.getTimeStampInfo().getGenTime().toInstant();
            return new Check(true, time, "Time-stamped by " + signer.getSubject() + " at " + time + ".");
        } catch (Exception e) {
            return new Check(false, null, "The time-stamp does not verify: " + e.getMessage());
        }
    }

    public record Check(boolean valid, Instant time, String detail) {
    }

    X509Certificate certificate() {
        return certificate;
    }

    private TimeStampResponse internal(TimeStampRequest request) throws Exception {
        var signerInfo = new JcaSimpleSignerInfoGeneratorBuilder().build(Pki.SIGNATURE_ALGORITHM, key, certificate);
        var tokens = new TimeStampTokenGenerator(signerInfo,
                new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().build()
                        .get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1.1"));
        tokens.addCertificates(new JcaCertStore(chain.stream().map(c -> {
            try {
                return new JcaX509CertificateHolder(c);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList()));
        var responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        return responses.generate(request, new BigInteger(64, RANDOM), Date.from(clock.instant()));
    }

    private TimeStampResponse external(TimeStampRequest request) throws IOException, InterruptedException, org.bouncycastle.tsp.TSPException {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(externalUrl)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/timestamp-query")
                .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("The time-stamping service answered " + response.statusCode());
        }
        return new TimeStampResponse(response.body());
    }
}
