package org.ecabinet.dispatch;

/** Queries answered by the {@link DocumentProjection}; {@code ListDocuments} is open to reports. */
public final class DispatchQueries {

    private DispatchQueries() {
    }

    record FindDocument(String documentId) {
    }

    /** A document by the id it travels under on the axis, with its sender. */
    record FindByEdXmlId(String senderOrganId, String edxmlDocumentId) {
    }

    public record ListDocuments() {
    }
}
