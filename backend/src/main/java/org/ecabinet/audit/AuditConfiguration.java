package org.ecabinet.audit;

import org.ecabinet.platform.cluster.ClusterNodes;
import org.ecabinet.platform.cluster.Lease;

import java.time.Clock;

import org.ecabinet.platform.storage.EventStoreIntegrity;
import org.ecabinet.platform.storage.EventAuthenticity;
import org.ecabinet.platform.storage.StoredEvents;
import org.ecabinet.signing.SignatureVerifier;
import org.ecabinet.signing.SystemSeal;
import org.ecabinet.signing.TimeStamping;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.mongodb.client.MongoDatabase;

/** The ledger and its verification, on the application's store, sealed by the system and time-stamped by the signing service. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
class AuditConfiguration {

    /** The ledger's checkpoints are sealed by the system's key and must verify as signed by it. */
    @Bean
    Notary notary(SystemSeal seal, SignatureVerifier verifier, TimeStamping timeStamping) {
        return new Notary() {
            @Override
            public byte[] seal(byte[] content) {
                return seal.seal(content);
            }

            @Override
            public String checkSeal(byte[] content, byte[] signature) {
                var report = verifier.verifyCms(content, signature);
                if (!report.passed()) {
                    return report.message();
                }
                return seal.certificateSha256().equals(report.certificateSha256()) ? null : "Sealed by " + report.signer() + ", not by the system's seal.";
            }

            @Override
            public byte[] stamp(byte[] sha256) {
                return timeStamping.stamp(sha256);
            }

            @Override
            public String checkStamp(byte[] token, byte[] sha256) {
                var check = timeStamping.check(token, sha256);
                return check.valid() ? null : check.detail();
            }
        };
    }

    @Bean
    LeafLog leafLog(MongoDatabase database) {
        return new LeafLog(database);
    }

    @Bean
    CheckpointStore checkpointStore(MongoDatabase database, LedgerProperties properties) {
        return new CheckpointStore(database, properties.exportDirectory());
    }

    @Bean(initMethod = "start", destroyMethod = "stop")
    Ledger ledger(StoredEvents store, EventAuthenticity authenticity, LeafLog leaves, CheckpointStore checkpoints, Notary notary,
                  LedgerProperties properties, Clock clock, MongoDatabase database, ClusterNodes nodes) {
        // Ten seconds: a dead node's ledger moves to a survivor within that, a paused one rarely loses it.
        Lease lease = new Lease(database, "ledger", nodes.self(), java.time.Duration.ofSeconds(10), clock);
        return new Ledger(store, authenticity, leaves, checkpoints, notary, properties, clock, lease);
    }

    @Bean
    LedgerVerification ledgerVerification(EventStoreIntegrity integrity, LeafLog leaves, CheckpointStore checkpoints, Notary notary) {
        return new LedgerVerification(integrity, leaves, checkpoints, notary);
    }

    @Bean
    InclusionProofs inclusionProofs(StoredEvents store, EventAuthenticity authenticity, LeafLog leaves, CheckpointStore checkpoints, Ledger ledger) {
        return new InclusionProofs(store, authenticity, leaves, checkpoints, ledger);
    }
}
