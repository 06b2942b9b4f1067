package org.ecabinet.audit;

import java.util.List;

import org.ecabinet.platform.storage.StoredEvents.StoredEvent;

/**
 * What an auditor needs to check offline that one event is part of the sealed history: the event as
 * stored, its audit path in the tree of a checkpoint, and the checkpoint with its seal and time-stamp
 * (base64 DER). {@link ProofCheck} checks it, against the trust anchors the auditor brings.
 */
record InclusionProof(String format, StoredEvent event, long leafIndex, long treeSize, List<String> auditPath,
                      String statement, String seal, String timeStamp) {

    static final String FORMAT = "e-Cabinet inclusion proof 1 (RFC 9162 tree, SHA-256)";
}
