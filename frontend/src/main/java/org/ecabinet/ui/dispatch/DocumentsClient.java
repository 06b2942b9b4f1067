package org.ecabinet.ui.dispatch;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.ecabinet.ui.BackendApi;
import org.ecabinet.ui.dispatch.DispatchModels.*;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;

import com.fasterxml.jackson.databind.JsonNode;

import reactor.core.publisher.Flux;

/** Calls to {@code /api/documents} and {@code /api/reports} on behalf of the signed-in user. */
@Component
public class DocumentsClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final BackendApi api;

    DocumentsClient(BackendApi api) {
        this.api = api;
    }

    public List<DocumentSummary> list(String token, String box) {
        return api.as(token).get().uri("/api/documents?box={box}", box).retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<DocumentSummary>>() {
                }).block(TIMEOUT);
    }

    public Document document(String token, String documentId) {
        return api.as(token).get().uri("/api/documents/{id}", documentId).retrieve().bodyToMono(Document.class).block(TIMEOUT);
    }

    /** The document after every change, reconnecting when the stream breaks. */
    public Flux<Document> changes(String token, String documentId) {
        return api.follow(token, new ParameterizedTypeReference<ServerSentEvent<Document>>() {
        }, "/api/documents/{id}/stream", documentId);
    }

    public byte[] pdf(String token, String documentId) {
        return api.as(token).get().uri("/api/documents/{id}/pdf", documentId).retrieve().bodyToMono(byte[].class).block(TIMEOUT);
    }

    public byte[] edxml(String token, String documentId) {
        return api.as(token).get().uri("/api/documents/{id}/edxml", documentId).retrieve().bodyToMono(byte[].class).block(TIMEOUT);
    }

    public List<Agency> agencies(String token) {
        return api.as(token).get().uri("/api/agencies").retrieve().bodyToMono(new ParameterizedTypeReference<List<Agency>>() {
        }).block(TIMEOUT);
    }

    /** Uploads the PDF and returns its file id for a registration. */
    public String upload(String token, String fileName, byte[] pdf) {
        return api.as(token).post().uri("/api/documents/files").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(BackendApi.pdfUpload(fileName, pdf))).retrieve().bodyToMono(JsonNode.class).block(TIMEOUT).get("fileId").asText();
    }

    public String register(String token, NewDocument document) {
        return api.as(token).post().uri("/api/documents").contentType(MediaType.APPLICATION_JSON).bodyValue(document)
                .retrieve().bodyToMono(JsonNode.class).block(TIMEOUT).get("id").asText();
    }

    /** An action on a document ({@code signature}, {@code dispatch}, {@code receive}, {@code reject}, …) with its body, if any. */
    public void act(String token, String documentId, String action, Map<String, Object> body) {
        var request = api.as(token).post().uri("/api/documents/{id}/" + action, documentId);
        (body == null ? request : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body))
                .retrieve().toBodilessEntity().block(TIMEOUT);
    }

    public Report report(String token, LocalDate from, LocalDate to) {
        return api.as(token).get().uri("/api/reports/dispatch?from={f}&to={t}", from, to).retrieve().bodyToMono(Report.class).block(TIMEOUT);
    }

    public byte[] reportCsv(String token, LocalDate from, LocalDate to) {
        return api.as(token).get().uri("/api/reports/dispatch.csv?from={f}&to={t}", from, to).retrieve().bodyToMono(byte[].class).block(TIMEOUT);
    }
}
