package org.ecabinet.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.ecabinet.support.ApiTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The API document as a newcomer reads it: every operation says what it does, who may call it and what it answers when refused. */
class OpenApiDocumentTest extends ApiTest {

    JsonNode document() {
        // the document is built on the first request, which takes a while
        return web.mutate().responseTimeout(java.time.Duration.ofSeconds(60)).build().get().uri("/api/docs").exchange().expectStatus().isOk().expectBody(JsonNode.class).returnResult().getResponseBody();
    }

    @Test
    void everyOperationHasASummaryItsRolesAndItsProblems() {
        List<String> lacking = new ArrayList<>();
        document().get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            JsonNode operation = method.getValue();
            String name = method.getKey().toUpperCase() + " " + path.getKey();
            if (operation.path("summary").asText().isBlank()) {
                lacking.add(name + ": summary");
            }
            String description = operation.path("description").asText();
            if (!description.contains("Roles: ") && !description.contains("Any signed-in user") && !description.contains("Open without sign-in")) {
                lacking.add(name + ": who may call it");
            }
            boolean refusable = !description.contains("Open without sign-in") || operation.has("parameters") || operation.has("requestBody");
            if (refusable && !operation.path("responses").toString().contains("application/problem+json")) {
                lacking.add(name + ": its problems");
            }
        }));
        assertThat(lacking).isEmpty();
    }

    @Test
    void theAdministrationSaysItIsForAdministratorsAndTheCheckpointPartsAreNamed() {
        JsonNode paths = document().get("paths");
        JsonNode create = paths.at("/~1api~1admin~1users/post");
        assertThat(create.get("description").asText()).contains("Roles: ADMIN");
        assertThat(create.get("responses").has("409")).isTrue();
        assertThat(paths.at("/~1api~1signing~1trust-anchors.pem/get/description").asText()).contains("Open without sign-in");
        assertThat(paths.at("/~1api~1audit~1ledger~1checkpoints~1{treeSize}~1{part}/get").toString())
                .contains("statement.json").contains("seal.p7s").contains("timestamp.tst");
    }
}
