package org.ecabinet.events.ballot;

import org.axonframework.serialization.Revision;

/** The result report (a PDF signed by the secretariat with PAdES) was stored and published. */
@Revision("1")
public record BallotResultPublished(String ballotId, String reportId, String fileName, String sha256, long size, String signedBy)
        implements BallotEvent {
}
