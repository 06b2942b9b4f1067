package org.ecabinet.events.dispatch;

/** Who signs the document on paper terms (edXML SignerInfo): competence ("TL. BỘ TRƯỞNG"), position, full name. */
public record SignerInfo(String competence, String position, String fullName) {
}
