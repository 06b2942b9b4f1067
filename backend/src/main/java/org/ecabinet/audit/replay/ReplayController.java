package org.ecabinet.audit.replay;

import java.util.List;

import org.ecabinet.identity.Actor;
import org.ecabinet.platform.NotFound;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The replay of projections, for auditors: which can be replayed, asking for one, and following it from any node. */
@RestController
@RequestMapping("/api/audit")
@PreAuthorize("hasAnyRole('AUDITOR', 'ADMIN')")
class ReplayController {

    private final Replays replays;

    ReplayController(Replays replays) {
        this.replays = replays;
    }

    @GetMapping("/projections")
    Mono<List<String>> projections() {
        return Mono.just(replays.projections());
    }

    /** Resets a projection and rebuilds it from the event store; follow it on {@code /stream}. */
    @PostMapping("/replays/{projection}")
    Mono<ResponseEntity<Replays.Progress>> replay(@PathVariable String projection, @AuthenticationPrincipal Jwt jwt) {
        String actor = Actor.of(jwt).id();
        return Mono.fromCallable(() -> ResponseEntity.accepted().body(replays.start(projection, actor))).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/replays/{projection}")
    Mono<Replays.Progress> replayProgress(@PathVariable String projection) {
        return Mono.fromCallable(() -> replays.latest(projection).orElseThrow(() -> new NotFound("The projection '" + projection + "' was not replayed yet.")))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The replay's progress as Server-Sent Events, until it is over. */
    @GetMapping(path = "/replays/{projection}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<Replays.Progress>> replayStream(@PathVariable String projection) {
        return replays.follow(projection).map(p -> ServerSentEvent.builder(p).event("replay").build());
    }
}
