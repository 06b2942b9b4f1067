package org.ecabinet.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.ecabinet.platform.NotFound;
import org.ecabinet.platform.NotPermitted;
import org.ecabinet.platform.RuleViolation;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** What the aggregate or the store throws, however Axon wraps it, becomes the right problem answer. */
class ProblemHandlingTest {

    final ProblemHandling handling = new ProblemHandling();

    @Test
    void aConcurrentWriteFromAnotherNodeIsAConflict() {
        var answer = handling.domain(new CompletionException(new ConcurrencyException("sequence 7 of s-1 already exists")));
        assertThat(answer.getStatusCode().value()).isEqualTo(409);
        assertThat(answer.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(answer.getBody().getDetail()).contains("reload and try again");
    }

    @Test
    void domainRefusalsKeepTheirMeaningThroughAxonsWrappers() {
        assertThat(handling.domain(new CommandExecutionException("x", new RuleViolation("No quorum"))).getStatusCode().value()).isEqualTo(409);
        assertThat(handling.domain(new CompletionException(new NotPermitted("chair only"))).getStatusCode().value()).isEqualTo(403);
        assertThat(handling.domain(new CompletionException(new NotFound("no item"))).getStatusCode().value()).isEqualTo(404);
        assertThat(handling.domain(new AggregateNotFoundException("s-9", "none")).getStatusCode().value()).isEqualTo(404);
        assertThat(handling.domain(new CompletionException(new IllegalStateException("bug"))).getStatusCode().value()).isEqualTo(500);
    }
}
