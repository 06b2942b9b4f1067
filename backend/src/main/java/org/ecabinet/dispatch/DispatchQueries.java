package org.ecabinet.dispatch;

/** Queries answered by the {@link DocumentProjection}; {@code ListDocuments} is open to reports. */
public final class DispatchQueries {

    private DispatchQueries() {
    }

    record FindDocument(String documentId) {
    }

    public record ListDocuments() {
    }
}
