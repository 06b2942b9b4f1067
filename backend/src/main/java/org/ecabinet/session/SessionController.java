package org.ecabinet.session;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.ecabinet.identity.Actor;
import org.ecabinet.identity.CabinetUser;
import org.ecabinet.identity.Users;
import org.ecabinet.platform.CommandSender;
import org.ecabinet.platform.NotFound;
import org.ecabinet.platform.NotPermitted;
import org.ecabinet.platform.RuleViolation;
import org.ecabinet.platform.storage.DocumentStore;
import org.ecabinet.platform.storage.PointInTime;
import org.ecabinet.platform.web.PdfUploads;
import org.ecabinet.session.SessionCommands.*;
import org.ecabinet.session.SessionQueries.FindSessionRoom;
import org.ecabinet.session.SessionQueries.ListSessionRooms;
import org.ecabinet.session.SessionRequests.*;
import org.ecabinet.signing.RemoteSigning;
import org.ecabinet.signing.SigningPin;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.ecabinet.platform.web.LiveStream;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.server.ServerWebExchange;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Cabinet sessions over HTTP. The role check is here (who may ask at all); the per-session checks
 * (invited? this session's chair? on its roster?) are in {@link SessionAccess} and in the aggregate.
 */
@RestController
@RequestMapping("/api/sessions")
class SessionController {

    private final CommandSender commands;
    private final QueryGateway queries;
    private final Users users;
    private final DocumentStore papers;
    private final SessionHistory history;
    private final RemoteSigning signing;

    SessionController(CommandSender commands, QueryGateway queries, Users users, DocumentStore papers, SessionHistory history,
                      RemoteSigning signing) {
        this.commands = commands;
        this.queries = queries;
        this.users = users;
        this.papers = papers;
        this.history = history;
        this.signing = signing;
    }

    /** One line of a session list. */
    record SessionSummary(String sessionId, String title, org.ecabinet.events.session.SessionKind kind,
                          java.time.Instant startsAt, String location, boolean online, SessionStatus status,
                          int agendaItems, boolean invited) {
        static SessionSummary of(SessionRoom room, Actor actor) {
            return new SessionSummary(room.sessionId, room.title, room.kind, room.startsAt, room.location, room.online,
                    room.status, room.agenda.size(), room.isInvited(actor.id()));
        }
    }

    @GetMapping
    Mono<List<SessionSummary>> list(@AuthenticationPrincipal Jwt jwt) {
        Actor actor = Actor.of(jwt);
        return Mono.fromFuture(() -> queries.query(new ListSessionRooms(), ResponseTypes.multipleInstancesOf(SessionRoom.class)))
                .subscribeOn(Schedulers.boundedElastic())
                .map(rooms -> rooms.stream().filter(r -> SessionAccess.canRead(actor, r)).map(r -> SessionSummary.of(r, actor)).toList());
    }

    @GetMapping("/{sessionId}")
    Mono<SessionRoom> room(@PathVariable String sessionId, @AuthenticationPrincipal Jwt jwt) {
        return readable(sessionId, Actor.of(jwt));
    }

    /**
     * The session as it was at {@code at} (an instant), after its event {@code sequence}, or when the store
     * held {@code global} events, rebuilt from its events. Who may read the session now may read its past.
     */
    @GetMapping("/{sessionId}/as-of")
    Mono<SessionRoom> asOf(@PathVariable String sessionId, @RequestParam(required = false) java.time.Instant at,
                           @RequestParam(required = false) Long sequence, @RequestParam(required = false) Long global,
                           @AuthenticationPrincipal Jwt jwt) {
        return Mono.fromCallable(() -> PointInTime.Point.of(at, sequence, global))
                .flatMap(point -> readable(sessionId, Actor.of(jwt))
                        .flatMap(now -> Mono.fromCallable(() -> history.asOf(sessionId, point)
                                        .orElseThrow(() -> new NotFound("The session did not exist yet at that point.")))
                                .subscribeOn(Schedulers.boundedElastic())));
    }

    /** The room as Server-Sent Events: its current state, then the new state after every change. */
    @GetMapping(path = "/{sessionId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<SessionRoom>> stream(@PathVariable String sessionId, @AuthenticationPrincipal Jwt jwt,
                                          @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Actor actor = Actor.of(jwt);
        return readable(sessionId, actor).flatMapMany(permitted -> LiveStream.follow(queries, new FindSessionRoom(sessionId), SessionRoom.class,
                "session", states -> states.filter(room -> SessionAccess.canRead(actor, room)), room -> room.version, lastEventId));
    }

    @PostMapping
    @PreAuthorize("hasRole('SECRETARIAT')")
    Mono<ResponseEntity<Created>> schedule(@Valid @RequestBody Mono<Schedule> body, @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        String sessionId = UUID.randomUUID().toString();
        return body.publishOn(Schedulers.boundedElastic()).map(b -> {
                    List<String> roster = users.cabinetMembers().stream().map(CabinetUser::id).toList();
                    String chair = users.chair().map(CabinetUser::id)
                            .orElseThrow(() -> new RuleViolation("No user holds the chair role."));
                    return new ScheduleSession(sessionId, b.title().strip(), b.kind(), b.startsAt(), b.location(),
                            b.online(), chair, roster);
                })
                .flatMap(command -> commands.send(command, jwt.getSubject(), exchange))
                .thenReturn(ResponseEntity.created(URI.create("/api/sessions/" + sessionId)).body(new Created(sessionId)));
    }

    @PostMapping("/{sessionId}/reschedule")
    @PreAuthorize("hasRole('SECRETARIAT')")
    Mono<ResponseEntity<Void>> reschedule(@PathVariable String sessionId, @Valid @RequestBody Mono<Reschedule> body,
                                          @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return done(body.flatMap(b -> commands.send(new RescheduleSession(sessionId, b.startsAt(), b.location(), b.online(), b.reason()),
                jwt.getSubject(), exchange)));
    }

    @PostMapping("/{sessionId}/cancel")
    @PreAuthorize("hasRole('SECRETARIAT')")
    Mono<ResponseEntity<Void>> cancel(@PathVariable String sessionId, @Valid @RequestBody Mono<Cancel> body,
                                      @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return done(body.flatMap(b -> commands.send(new CancelSession(sessionId, b.reason()), jwt.getSubject(), exchange)));
    }

    @PostMapping("/{sessionId}/agenda")
    @PreAuthorize("hasRole('SECRETARIAT')")
    Mono<ResponseEntity<Created>> addItem(@PathVariable String sessionId, @Valid @RequestBody Mono<NewAgendaItem> body,
                                          @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        String itemId = UUID.randomUUID().toString();
        return body.flatMap(b -> commands.send(new AddAgendaItem(sessionId, itemId, b.title().strip(), b.presentingAgency().strip()), jwt.getSubject(), exchange))
                .thenReturn(ResponseEntity.status(201).body(new Created(itemId)));
    }

    @DeleteMapping("/{sessionId}/agenda/{itemId}")
    @PreAuthorize("hasRole('SECRETARIAT')")
    Mono<ResponseEntity<Void>> removeItem(@PathVariable String sessionId, @PathVariable String itemId,
                                          @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return done(commands.send(new RemoveAgendaItem(sessionId, itemId), jwt.getSubject(), exchange));
    }

    @PutMapping("/{sessionId}/agenda/order")
    @PreAuthorize("hasRole('SECRETARIAT')")
    Mono<ResponseEntity<Void>> reorder(@PathVariable String sessionId, @Valid @RequestBody Mono<AgendaOrder> body,
                                       @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return done(body.flatMap(b -> commands.send(new ReorderAgenda(sessionId, b.itemIds()), jwt.getSubject(), exchange)));
    }

    @PostMapping(path = "/{sessionId}/agenda/{itemId}/papers", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('SECRETARIAT')")
    Mono<ResponseEntity<Created>> attachPaper(@PathVariable String sessionId, @PathVariable String itemId,
                                              @RequestPart("file") Mono<FilePart> file,
                                              @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return PdfUploads.read(file)
                .flatMap(upload -> Mono.fromCallable(() -> papers.store("session:" + sessionId, upload.fileName(), upload.bytes()))
                        .subscribeOn(Schedulers.boundedElastic())
                        .flatMap(stored -> PdfUploads.deleteIfRefused(papers, stored.documentId(),
                                commands.send(new AttachPaper(sessionId, itemId, stored.documentId(), upload.fileName(),
                                        stored.sha256(), stored.size()), jwt.getSubject(), exchange)).thenReturn(stored)))
                .map(stored -> ResponseEntity.status(201).body(new Created(stored.documentId())));
    }

    @GetMapping("/{sessionId}/papers/{paperId}")
    Mono<ResponseEntity<byte[]>> paper(@PathVariable String sessionId, @PathVariable String paperId, @AuthenticationPrincipal Jwt jwt) {
        return readable(sessionId, Actor.of(jwt)).flatMap(room -> {
            SessionRoom.Paper paper = room.agenda.stream().flatMap(i -> i.papers.stream())
                    .filter(p -> p.paperId().equals(paperId)).findFirst()
                    .orElseThrow(() -> new NotFound("This session has no paper " + paperId + "."));
            return PdfUploads.download(papers, paperId, paper.fileName(), paper.sha256());
        });
    }

    @PostMapping("/{sessionId}/guests")
    @PreAuthorize("hasRole('SECRETARIAT')")
    Mono<ResponseEntity<Void>> invite(@PathVariable String sessionId, @Valid @RequestBody Mono<Guests> body,
                                      @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return body.publishOn(Schedulers.boundedElastic()).map(b -> {
                    List<String> unknown = b.userIds().stream().filter(id -> users.find(id).isEmpty()).toList();
                    if (!unknown.isEmpty()) {
                        throw new org.springframework.web.server.ServerWebInputException("Unknown users: " + String.join(", ", unknown));
                    }
                    return new InviteGuests(sessionId, b.userIds());
                })
                .flatMap(command -> done(commands.send(command, jwt.getSubject(), exchange)));
    }

    @PostMapping("/{sessionId}/publish")
    @PreAuthorize("hasRole('SECRETARIAT')")
    Mono<ResponseEntity<Void>> publish(@PathVariable String sessionId, @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return done(commands.send(new PublishSession(sessionId), jwt.getSubject(), exchange));
    }

    @PutMapping("/{sessionId}/agenda/{itemId}/position")
    @PreAuthorize("hasRole('MEMBER')")
    Mono<ResponseEntity<Void>> recordPosition(@PathVariable String sessionId, @PathVariable String itemId,
                                              @Valid @RequestBody Mono<PositionOnItem> body,
                                              @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return done(body.flatMap(b -> commands.send(new RecordPosition(sessionId, itemId, jwt.getSubject(), b.position(), b.comment()),
                jwt.getSubject(), exchange)));
    }

    @PostMapping("/{sessionId}/absence")
    @PreAuthorize("hasRole('MEMBER')")
    Mono<ResponseEntity<Void>> declareAbsence(@PathVariable String sessionId, @Valid @RequestBody Mono<Absence> body,
                                              @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return done(body.flatMap(b -> commands.send(new DeclareAbsence(sessionId, jwt.getSubject(), b.delegate(), b.reason()),
                jwt.getSubject(), exchange)));
    }

    /** The caller will attend after all; only before the session opens. */
    @DeleteMapping("/{sessionId}/absence")
    @PreAuthorize("hasRole('MEMBER')")
    Mono<ResponseEntity<Void>> withdrawAbsence(@PathVariable String sessionId, @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return done(commands.send(new WithdrawAbsence(sessionId, jwt.getSubject()), jwt.getSubject(), exchange));
    }

    @PostMapping("/{sessionId}/check-in")
    @PreAuthorize("hasRole('MEMBER')")
    Mono<ResponseEntity<Void>> checkIn(@PathVariable String sessionId, @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return done(commands.send(new CheckIn(sessionId, jwt.getSubject()), jwt.getSubject(), exchange));
    }

    @PostMapping("/{sessionId}/open")
    @PreAuthorize("hasRole('CHAIR')")
    Mono<ResponseEntity<Void>> open(@PathVariable String sessionId, @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return done(commands.send(new OpenSession(sessionId, jwt.getSubject()), jwt.getSubject(), exchange));
    }

    @PostMapping("/{sessionId}/adopt")
    @PreAuthorize("hasRole('CHAIR')")
    Mono<ResponseEntity<Void>> adopt(@PathVariable String sessionId, @Valid @RequestBody Mono<ItemsToAdopt> body,
                                     @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return done(body.flatMap(b -> commands.send(new AdoptItemsWithoutDiscussion(sessionId, jwt.getSubject(), b.itemIds()), jwt.getSubject(), exchange)));
    }

    @PostMapping("/{sessionId}/agenda/{itemId}/vote/open")
    @PreAuthorize("hasRole('CHAIR')")
    Mono<ResponseEntity<Void>> openVote(@PathVariable String sessionId, @PathVariable String itemId,
                                        @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return done(commands.send(new OpenVote(sessionId, jwt.getSubject(), itemId), jwt.getSubject(), exchange));
    }

    @PutMapping("/{sessionId}/agenda/{itemId}/vote")
    @PreAuthorize("hasRole('MEMBER')")
    Mono<ResponseEntity<Void>> castVote(@PathVariable String sessionId, @PathVariable String itemId, @Valid @RequestBody Mono<Ballot> body,
                                        @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return done(body.flatMap(b -> commands.send(new CastVote(sessionId, itemId, jwt.getSubject(), b.choice()), jwt.getSubject(), exchange)));
    }

    @PostMapping("/{sessionId}/agenda/{itemId}/vote/close")
    @PreAuthorize("hasRole('CHAIR')")
    Mono<ResponseEntity<Void>> closeVote(@PathVariable String sessionId, @PathVariable String itemId,
                                         @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return done(commands.send(new CloseVote(sessionId, jwt.getSubject(), itemId), jwt.getSubject(), exchange));
    }

    @PutMapping("/{sessionId}/agenda/{itemId}/conclusion")
    @PreAuthorize("hasRole('CHAIR')")
    Mono<ResponseEntity<Void>> conclude(@PathVariable String sessionId, @PathVariable String itemId, @Valid @RequestBody Mono<Conclusion> body,
                                        @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return done(body.flatMap(b -> commands.send(new RecordConclusion(sessionId, jwt.getSubject(), itemId, b.text()), jwt.getSubject(), exchange)));
    }

    @PostMapping("/{sessionId}/close")
    @PreAuthorize("hasRole('CHAIR')")
    Mono<ResponseEntity<Void>> close(@PathVariable String sessionId, @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return done(commands.send(new CloseSession(sessionId, jwt.getSubject()), jwt.getSubject(), exchange));
    }

    /** Renders the minutes of a closed session, has the caller (secretariat) sign them with PAdES, and attaches them. */
    @PostMapping("/{sessionId}/minutes")
    @PreAuthorize("hasRole('SECRETARIAT')")
    Mono<ResponseEntity<SessionRoom.Minutes>> signMinutes(@PathVariable String sessionId, @Valid @RequestBody Mono<SigningPin> body,
                                                          @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return body.flatMap(pin -> readable(sessionId, Actor.of(jwt)).publishOn(Schedulers.boundedElastic()).map(room -> {
                    if (room.status != SessionStatus.CLOSED) {
                        throw new RuleViolation("session.not-closed", "Minutes are signed after the session closes; it is " + room.status + ".");
                    }
                    if (room.minutes != null) {
                        throw new RuleViolation("session.minutes-signed", "The minutes of this session have already been signed.");
                    }
                    byte[] minutes = SessionMinutes.render(room, id -> users.find(id).orElse(null));
                    byte[] signed = signing.signPdf(jwt.getSubject(), pin.chars(), minutes, "Biên bản phiên họp Chính phủ");
                    var stored = papers.store("session-minutes:" + sessionId, "bien-ban-" + sessionId + ".pdf", signed);
                    return new AttachSignedMinutes(sessionId, stored.documentId(), stored.fileName(), stored.sha256(), stored.size(),
                            jwt.getSubject());
                }))
                .flatMap(command -> PdfUploads.deleteIfRefused(papers, command.documentId(), commands.send(command, jwt.getSubject(), exchange))
                        .thenReturn(command))
                .map(c -> ResponseEntity.status(201).body(new SessionRoom.Minutes(c.documentId(), c.fileName(), c.sha256(), c.size(),
                        c.signedBy())));
    }

    @GetMapping("/{sessionId}/minutes.pdf")
    Mono<ResponseEntity<byte[]>> minutes(@PathVariable String sessionId, @AuthenticationPrincipal Jwt jwt) {
        return readable(sessionId, Actor.of(jwt)).flatMap(room -> {
            if (room.minutes == null) {
                return Mono.error(new NotFound("The minutes of this session have not been signed yet."));
            }
            return PdfUploads.download(papers, room.minutes.documentId(), room.minutes.fileName(), room.minutes.sha256());
        });
    }

    private Mono<SessionRoom> readable(String sessionId, Actor actor) {
        return Mono.fromFuture(() -> queries.query(new FindSessionRoom(sessionId), ResponseTypes.instanceOf(SessionRoom.class)))
                .subscribeOn(Schedulers.boundedElastic())
                .switchIfEmpty(Mono.error(() -> new NotFound("No session " + sessionId + ".")))
                .map(room -> {
                    if (!SessionAccess.canRead(actor, room)) {
                        throw new NotPermitted("You are not invited to this session.");
                    }
                    return room;
                });
    }

    private static Mono<ResponseEntity<Void>> done(Mono<Object> sent) {
        return sent.then(Mono.just(ResponseEntity.noContent().<Void>build()));
    }
}
