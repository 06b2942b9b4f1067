package org.ecabinet.dispatch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.ecabinet.dispatch.DispatchCommands.RecordDelivery;
import org.ecabinet.dispatch.DispatchCommands.RecordRemoteStatus;
import org.ecabinet.events.dispatch.*;
import org.ecabinet.platform.CommandSender;
import org.ecabinet.platform.storage.PointInTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends over the axis what this system's organisations do to documents of other systems: the sealed
 * package of a document dispatched to an organisation hosted elsewhere, and status messages (receipt,
 * assignment, processing, completion, rejection, answers to a recall; the sender's recall request).
 * At least once: a failed delivery (the other system down or erring) stops this processor, which
 * retries with back-off until it goes through, and a package delivered twice is recorded once there.
 * A package the other system refuses (4xx) is not retried: the refusal is recorded as a rejection.
 */
@Component
@ProcessingGroup(AxisDelivery.PROCESSING_GROUP)
class AxisDelivery {

    static final String PROCESSING_GROUP = "axis-delivery";
    private static final Logger log = LoggerFactory.getLogger(AxisDelivery.class);

    private final Axis axis;
    private final AxisProperties properties;
    private final DispatchHistory history;
    private final CommandSender commands;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AxisDelivery(Axis axis, AxisProperties properties, DispatchHistory history, CommandSender commands) {
        this.axis = axis;
        this.properties = properties;
        this.history = history;
        this.commands = commands;
    }

    @EventHandler
    @DisallowReplay
    void on(DocumentDispatched event, @SequenceNumber long sequence) throws IOException, InterruptedException {
        DocumentView view = asOf(event.documentId(), sequence);
        if (!properties.hostedHere(view.senderOrganId)) {
            return; // a copy that came over the axis: its sender delivers it
        }
        for (String recipient : event.recipients()) {
            if (properties.hostedHere(recipient)) {
                continue;
            }
            HttpResponse<String> response = post(recipient, axis.packageOf(view));
            if (response.statusCode() / 100 == 2) {
                commands.sendAsSystem(new RecordDelivery(event.documentId(), recipient), "axis");
            } else {
                log.warn("{} refused document {}: {} {}", recipient, event.documentId(), response.statusCode(), response.body());
                commands.sendAsSystem(new RecordRemoteStatus(event.documentId(), recipient, "02",
                        "Refused by the receiving system (" + response.statusCode() + "): " + response.body(), null), "axis");
            }
        }
    }

    @EventHandler
    @DisallowReplay
    void on(DocumentAccepted event, @SequenceNumber long sequence) throws IOException, InterruptedException {
        report(event.documentId(), sequence, event.recipientOrganId(), event.staffId(), "03", event.signatureReport(), event.staffName());
    }

    @EventHandler
    @DisallowReplay
    void on(DocumentRejected event, @SequenceNumber long sequence) throws IOException, InterruptedException {
        report(event.documentId(), sequence, event.recipientOrganId(), event.staffId(), "02", event.reason(), event.staffName());
    }

    @EventHandler
    @DisallowReplay
    void on(DocumentAssigned event, @SequenceNumber long sequence) throws IOException, InterruptedException {
        report(event.documentId(), sequence, event.recipientOrganId(), event.staffId(), "04", event.assignee(), event.staffName());
    }

    @EventHandler
    @DisallowReplay
    void on(DocumentProcessingStarted event, @SequenceNumber long sequence) throws IOException, InterruptedException {
        report(event.documentId(), sequence, event.recipientOrganId(), event.staffId(), "05", "", event.staffName());
    }

    @EventHandler
    @DisallowReplay
    void on(DocumentProcessingCompleted event, @SequenceNumber long sequence) throws IOException, InterruptedException {
        report(event.documentId(), sequence, event.recipientOrganId(), event.staffId(), "06", "", event.staffName());
    }

    @EventHandler
    @DisallowReplay
    void on(RecallAnswered event, @SequenceNumber long sequence) throws IOException, InterruptedException {
        report(event.documentId(), sequence, event.recipientOrganId(), event.staffId(), event.agreed() ? "15" : "16", event.reason(),
                event.staffName());
    }

    /** The sender's recall or update request goes to every recipient hosted elsewhere, as the package of business type 1 or 2. */
    @EventHandler
    @DisallowReplay
    void on(RecallRequested event, @SequenceNumber long sequence) throws IOException, InterruptedException {
        DocumentView view = asOf(event.documentId(), sequence);
        if (event.staffId().startsWith("axis:") || !properties.hostedHere(view.senderOrganId)) {
            return;
        }
        for (String recipient : view.dispatchedTo) {
            if (!properties.hostedHere(recipient)) {
                send(recipient, axis.recallPackageOf(view, event.kind(), event.reason()));
            }
        }
    }

    /** A status set here by a recipient hosted here, on a document whose sender is hosted elsewhere, goes back to the sender. */
    private void report(String documentId, long sequence, String recipient, String staffId, String code, String description, String staff)
            throws IOException, InterruptedException {
        if (staffId.startsWith("axis:") || !properties.hostedHere(recipient)) {
            return; // it came over the axis, or it concerns another system's recipient
        }
        DocumentView view = asOf(documentId, sequence);
        if (properties.hostedHere(view.senderOrganId)) {
            return;
        }
        send(view.senderOrganId, axis.statusOf(view, recipient, code, description, staff));
    }

    private void send(String organId, byte[] message) throws IOException, InterruptedException {
        HttpResponse<String> response = post(organId, message);
        if (response.statusCode() / 100 != 2) {
            log.warn("{} refused a status message: {} {}", organId, response.statusCode(), response.body());
        }
    }

    /** Throws when the other system cannot be reached or fails (5xx), so that the processor retries. */
    private HttpResponse<String> post(String organId, byte[] xml) throws IOException, InterruptedException {
        URI peer = properties.peers().get(organId);
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(peer.resolve("/api/axis/packages")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/xml").POST(HttpRequest.BodyPublishers.ofByteArray(xml)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 500) {
            throw new IOException(organId + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private DocumentView asOf(String documentId, long sequence) {
        return history.asOf(documentId, new PointInTime.Point(null, sequence, null))
                .orElseThrow(() -> new IllegalStateException("No events for " + documentId));
    }
}
