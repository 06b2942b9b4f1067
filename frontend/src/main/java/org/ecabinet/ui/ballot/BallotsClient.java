package org.ecabinet.ui.ballot;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.ecabinet.ui.BackendApi;
import org.ecabinet.ui.ballot.BallotModels.Answer;
import org.ecabinet.ui.ballot.BallotModels.Ballot;
import org.ecabinet.ui.ballot.BallotModels.BallotSummary;
import org.ecabinet.ui.ballot.BallotModels.NewBallot;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;

import com.fasterxml.jackson.databind.JsonNode;

import reactor.core.publisher.Flux;

/** Calls to {@code /api/ballots} (and to the signing service, to sign an answer) on behalf of the signed-in user. */
@Component
public class BallotsClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final BackendApi api;

    BallotsClient(BackendApi api) {
        this.api = api;
    }

    public List<BallotSummary> list(String token) {
        return api.as(token).get().uri("/api/ballots").retrieve()
                .bodyToMono(new ParameterizedTypeReference<List<BallotSummary>>() {
                }).block(TIMEOUT);
    }

    public Ballot ballot(String token, String ballotId) {
        return api.as(token).get().uri("/api/ballots/{id}", ballotId).retrieve().bodyToMono(Ballot.class).block(TIMEOUT);
    }

    /** The ballot after every change (the live tally), reconnecting when the stream breaks. */
    public Flux<Ballot> changes(String token, String ballotId) {
        return api.follow(token, new ParameterizedTypeReference<ServerSentEvent<Ballot>>() {
        }, "/api/ballots/{id}/stream", ballotId);
    }

    public byte[] draft(String token, String ballotId, String documentId) {
        return api.as(token).get().uri("/api/ballots/{id}/drafts/{doc}", ballotId, documentId).retrieve()
                .bodyToMono(byte[].class).block(Duration.ofSeconds(60));
    }

    public byte[] result(String token, String ballotId) {
        return api.as(token).get().uri("/api/ballots/{id}/result.pdf", ballotId).retrieve()
                .bodyToMono(byte[].class).block(Duration.ofSeconds(60));
    }

    /**
     * Answers for the signed-in member: asks the backend for the canonical bytes of these answers, has the
     * signing service sign them with the member's key (opened by the PIN), and submits answers and signature.
     */
    public void answer(String token, String ballotId, List<Answer> answers, String pin) {
        JsonNode toSign = api.as(token).post().uri("/api/ballots/{id}/answers/content-to-sign", ballotId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("answers", answers))
                .retrieve().bodyToMono(JsonNode.class).block(TIMEOUT);
        JsonNode signature = api.as(token).post().uri("/api/signing/cms").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("content", toSign.get("content").asText(), "pin", pin))
                .retrieve().bodyToMono(JsonNode.class).block(TIMEOUT);
        api.as(token).put().uri("/api/ballots/{id}/answers/mine", ballotId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("answers", answers, "signature", signature.get("signature").asText()))
                .retrieve().toBodilessEntity().block(TIMEOUT);
    }

    /** Uploads a draft (PDF) and returns its document id for a new ballot. */
    public String uploadDraft(String token, String fileName, byte[] pdf) {
        return api.as(token).post().uri("/api/ballots/drafts").contentType(MediaType.MULTIPART_FORM_DATA)
                .body(BodyInserters.fromMultipartData(BackendApi.pdfUpload(fileName, pdf)))
                .retrieve().bodyToMono(JsonNode.class).block(Duration.ofSeconds(60)).get("documentId").asText();
    }

    public String issue(String token, NewBallot ballot) {
        return api.as(token).post().uri("/api/ballots").contentType(MediaType.APPLICATION_JSON).bodyValue(ballot)
                .retrieve().bodyToMono(JsonNode.class).block(TIMEOUT).get("id").asText();
    }

    public void close(String token, String ballotId) {
        api.as(token).post().uri("/api/ballots/{id}/close", ballotId).retrieve().toBodilessEntity().block(TIMEOUT);
    }

    public void withdraw(String token, String ballotId, String reason) {
        api.as(token).post().uri("/api/ballots/{id}/withdraw", ballotId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("reason", reason)).retrieve().toBodilessEntity().block(TIMEOUT);
    }

    public void publishResult(String token, String ballotId, String pin) {
        api.as(token).post().uri("/api/ballots/{id}/result", ballotId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("pin", pin)).retrieve().toBodilessEntity().block(Duration.ofSeconds(60));
    }
}
