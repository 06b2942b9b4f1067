package org.ecabinet.ui;

import java.io.ByteArrayInputStream;
import java.util.function.Supplier;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.server.StreamResource;

/** Links that download what the backend gives, fetched only when the user follows them. */
public final class Downloads {

    private Downloads() {
    }

    /** A PDF opened in a new tab, labelled with its size; its SHA-256 in the tooltip, to compare with the record. */
    public static Anchor pdf(String fileName, long size, String sha256, Supplier<byte[]> bytes) {
        StreamResource resource = new StreamResource(fileName, () -> new ByteArrayInputStream(bytes.get()));
        resource.setContentType("application/pdf");
        Anchor link = new Anchor(resource, fileName + " (" + Math.max(1, size / 1024) + " KB)");
        link.setTarget("_blank");
        link.getElement().setAttribute("title", "SHA-256 " + sha256);
        return link;
    }

    public static Anchor anchor(String fileName, Supplier<byte[]> bytes, String label, String id) {
        Anchor anchor = new Anchor(new StreamResource(fileName, () -> new ByteArrayInputStream(bytes.get())), label);
        anchor.getElement().setAttribute("download", true);
        if (id != null) {
            anchor.setId(id);
        }
        return anchor;
    }
}
