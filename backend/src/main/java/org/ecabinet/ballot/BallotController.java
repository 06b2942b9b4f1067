package org.ecabinet.ballot;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.ecabinet.ballot.BallotCommands.*;
import org.ecabinet.ballot.BallotConfiguration.BallotProperties;
import org.ecabinet.ballot.BallotQueries.FindBallot;
import org.ecabinet.ballot.BallotQueries.ListBallots;
import org.ecabinet.ballot.BallotRequests.*;
import org.ecabinet.events.ballot.BallotQuestion;
import org.ecabinet.events.ballot.DraftDocument;
import org.ecabinet.events.ballot.QuestionAnswer;
import org.ecabinet.identity.Actor;
import org.ecabinet.identity.CabinetUser;
import org.ecabinet.events.account.Role;
import org.ecabinet.identity.Users;
import org.ecabinet.platform.CommandSender;
import org.ecabinet.platform.NotFound;
import org.ecabinet.platform.NotPermitted;
import org.ecabinet.platform.RuleViolation;
import org.ecabinet.platform.storage.DocumentStore;
import org.ecabinet.platform.storage.PointInTime;
import org.ecabinet.platform.web.LiveStream;
import org.ecabinet.platform.web.PdfUploads;
import org.ecabinet.signing.RemoteSigning;
import org.ecabinet.signing.SignatureVerifier;
import org.ecabinet.signing.SigningPin;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.*;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

import jakarta.validation.Valid;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Written consultations over HTTP. Roles are checked here; who may see which part of a ballot is
 * {@link BallotAccess}; the rules of answering are in {@link OpinionBallot}.
 */
@RestController
@RequestMapping("/api/ballots")
class BallotController {

    private final CommandSender commands;
    private final QueryGateway queries;
    private final Users users;
    private final DocumentStore documents;
    private final RemoteSigning signing;
    private final SignatureVerifier verifier;
    private final EventStore events;
    private final BallotHistory history;
    private final BallotProperties properties;
    private final EarlyVerification earlyVerification;
    private final Clock clock;
    private final Map<String, List<String>> draftHashes = new ConcurrentHashMap<>();

    BallotController(CommandSender commands, QueryGateway queries, Users users, DocumentStore documents, RemoteSigning signing,
                     SignatureVerifier verifier, EventStore events, BallotHistory history, BallotProperties properties,
                     EarlyVerification earlyVerification, Clock clock) {
        this.earlyVerification = earlyVerification;
        this.history = history;
        this.commands = commands;
        this.queries = queries;
        this.users = users;
        this.documents = documents;
        this.signing = signing;
        this.verifier = verifier;
        this.events = events;
        this.properties = properties;
        this.clock = clock;
    }

    /** One line of a ballot list; {@code awaitingMyAnswer} makes the member's "my work" list. */
    record BallotSummary(String ballotId, String subject, BallotStatus status, Instant deadline, int questions,
                         int eligible, int answered, boolean awaitingMyAnswer, boolean resultPublished) {
        static BallotSummary of(BallotView view, Actor actor) {
            return new BallotSummary(view.ballotId, view.subject, view.status, view.deadline, view.questions.size(),
                    view.eligibleMembers.size(), view.answers.size(),
                    view.status == BallotStatus.OPEN && view.isEligible(actor.id()) && view.answerOf(actor.id()).isEmpty(),
                    view.report != null);
        }
    }

    @GetMapping
    Mono<List<BallotSummary>> list(@AuthenticationPrincipal Jwt jwt) {
        Actor actor = Actor.of(jwt);
        return Mono.fromFuture(() -> queries.query(new ListBallots(), ResponseTypes.multipleInstancesOf(BallotView.class)))
                .subscribeOn(Schedulers.boundedElastic())
                .map(views -> views.stream().filter(v -> BallotAccess.canRead(actor, v)).map(v -> BallotSummary.of(v, actor)).toList());
    }

    @GetMapping("/{ballotId}")
    Mono<BallotView> ballot(@PathVariable String ballotId, @AuthenticationPrincipal Jwt jwt) {
        Actor actor = Actor.of(jwt);
        return find(ballotId).map(view -> BallotAccess.shape(actor, view));
    }

    /**
     * The ballot as it was at {@code at}, after its event {@code sequence}, or when the store held
     * {@code global} events, rebuilt from its events, shaped for the caller as the ballot was then.
     */
    @GetMapping("/{ballotId}/as-of")
    Mono<BallotView> asOf(@PathVariable String ballotId, @RequestParam(required = false) Instant at,
                          @RequestParam(required = false) Long sequence, @RequestParam(required = false) Long global,
                          @AuthenticationPrincipal Jwt jwt) {
        Actor actor = Actor.of(jwt);
        return Mono.fromCallable(() -> PointInTime.Point.of(at, sequence, global))
                .flatMap(point -> ballot(ballotId, jwt)
                        .flatMap(now -> Mono.fromCallable(() -> history.asOf(ballotId, point)
                                        .map(past -> BallotAccess.shape(actor, past))
                                        .orElseThrow(() -> new NotFound("The ballot did not exist yet at that point.")))
                                .subscribeOn(Schedulers.boundedElastic())));
    }

    /** The ballot as the caller may see it, then again after every change: the live tally for the secretariat. */
    @GetMapping(path = "/{ballotId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<BallotView>> stream(@PathVariable String ballotId, @AuthenticationPrincipal Jwt jwt,
                                          @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Actor actor = Actor.of(jwt);
        return ballot(ballotId, jwt).flatMapMany(permitted -> LiveStream.follow(queries, new FindBallot(ballotId), BallotView.class, "ballot",
                states -> states.map(view -> BallotAccess.shape(actor, view)), view -> view.version, lastEventId));
    }

    /** Step one of issuing: upload a draft (PDF); its id goes into the new ballot. */
    @PostMapping(path = "/drafts", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasRole('SECRETARIAT')")
    Mono<ResponseEntity<DocumentStore.StoredDocument>> uploadDraft(@RequestPart("file") Mono<FilePart> file, @AuthenticationPrincipal Jwt jwt) {
        return PdfUploads.read(file)
                .flatMap(upload -> Mono.fromCallable(() -> documents.upload(drafter(jwt), upload.fileName(), upload.bytes()))
                        .subscribeOn(Schedulers.boundedElastic()))
                .map(stored -> ResponseEntity.status(201).body(stored));
    }

    @PostMapping
    @PreAuthorize("hasRole('SECRETARIAT')")
    Mono<ResponseEntity<Created>> issue(@Valid @RequestBody Mono<NewBallot> body, @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        String ballotId = UUID.randomUUID().toString();
        return body.flatMap(b -> PdfUploads.attach(documents, b.draftIds().stream().map(id -> new PdfUploads.Named("draftIds", id)).toList(),
                drafter(jwt), "ballot:" + ballotId, claimed -> {
                    List<DraftDocument> drafts = claimed.stream().map(d -> new DraftDocument(d.documentId(), d.fileName(), d.sha256(), d.size())).toList();
                    List<BallotQuestion> questions = new java.util.ArrayList<>();
                    for (int i = 0; i < b.questions().size(); i++) {
                        questions.add(new BallotQuestion("q" + (i + 1), b.questions().get(i).strip()));
                    }
                    return commands.send(new IssueBallot(ballotId, b.subject().strip(), drafts, questions, eligible(b.eligibleMembers()),
                            users.chair().map(CabinetUser::id).orElseThrow(() -> new RuleViolation("No user holds the chair role.")),
                            b.deadline(), properties.reminders(), clock.instant()), jwt.getSubject(), exchange);
                }))
                .thenReturn(ResponseEntity.created(URI.create("/api/ballots/" + ballotId)).body(new Created(ballotId)));
    }

    /** A draft belongs to the secretariat member who uploaded it and to their office, until a ballot takes it. */
    private static DocumentStore.Uploader drafter(Jwt jwt) {
        Actor actor = Actor.of(jwt);
        return new DocumentStore.Uploader("ballot-draft", actor.id(), actor.organisationCode());
    }

    @PostMapping("/{ballotId}/extend")
    @PreAuthorize("hasRole('SECRETARIAT')")
    Mono<ResponseEntity<Void>> extend(@PathVariable String ballotId, @Valid @RequestBody Mono<Extension> body,
                                      @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return done(body.flatMap(b -> commands.send(new ExtendDeadline(ballotId, b.deadline(), b.reason().strip(), properties.reminders(),
                clock.instant()), jwt.getSubject(), exchange)));
    }

    @PostMapping("/{ballotId}/withdraw")
    @PreAuthorize("hasRole('SECRETARIAT')")
    Mono<ResponseEntity<Void>> withdraw(@PathVariable String ballotId, @Valid @RequestBody Mono<Withdrawal> body,
                                        @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return done(body.flatMap(b -> commands.send(new WithdrawBallot(ballotId, b.reason().strip()), jwt.getSubject(), exchange)));
    }

    @PostMapping("/{ballotId}/close")
    @PreAuthorize("hasRole('SECRETARIAT')")
    Mono<ResponseEntity<Void>> close(@PathVariable String ballotId, @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return done(commands.send(new CloseBallot(ballotId), jwt.getSubject(), exchange));
    }

    /** The exact bytes to sign for these answers (see {@link AnswerCanonicalForm}); nothing is recorded. */
    @PostMapping("/{ballotId}/answers/content-to-sign")
    @PreAuthorize("hasRole('MEMBER')")
    Mono<ContentToSign> contentToSign(@PathVariable String ballotId, @Valid @RequestBody Mono<Answers> body, @AuthenticationPrincipal Jwt jwt) {
        return body.flatMap(b -> ballot(ballotId, jwt).map(view -> {
            String text = AnswerCanonicalForm.of(ballotId, jwt.getSubject(), view.drafts.stream().map(DraftDocument::sha256).toList(),
                    answers(b.answers()));
            return new ContentToSign(text, Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
        }));
    }

    /** Answers (or amends the answer) for the caller, with the caller's signature over the content to sign. */
    @PutMapping("/{ballotId}/answers/mine")
    @PreAuthorize("hasRole('MEMBER')")
    Mono<ResponseEntity<Void>> answer(@PathVariable String ballotId, @Valid @RequestBody Mono<SignedAnswers> body,
                                      @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return done(body.flatMap(b -> draftHashesOf(ballotId).publishOn(Schedulers.boundedElastic()).map(drafts -> {
            List<QuestionAnswer> answers = answers(b.answers());
            earlyVerification.ahead(ballotId, jwt.getSubject(), drafts, answers, b.signature());
            return new SubmitAnswer(ballotId, jwt.getSubject(), answers, b.signature(), clock.instant());
        }).flatMap(command -> commands.send(command, jwt.getSubject(), exchange))));
    }

    /** The hashes of a ballot's drafts, which the answers' signed content names: fixed when the ballot is issued. */
    private Mono<List<String>> draftHashesOf(String ballotId) {
        List<String> known = draftHashes.get(ballotId);
        if (known != null) {
            return Mono.just(known);
        }
        return find(ballotId).map(view -> {
            List<String> hashes = view.drafts.stream().map(DraftDocument::sha256).toList();
            if (draftHashes.size() > 1_000) {
                draftHashes.clear();
            }
            draftHashes.put(ballotId, hashes);
            return hashes;
        });
    }

    @GetMapping("/{ballotId}/drafts/{documentId}")
    Mono<ResponseEntity<byte[]>> draft(@PathVariable String ballotId, @PathVariable String documentId, @AuthenticationPrincipal Jwt jwt) {
        return ballot(ballotId, jwt).flatMap(view -> {
            DraftDocument draft = view.drafts.stream().filter(d -> d.documentId().equals(documentId)).findFirst()
                    .orElseThrow(() -> new NotFound("This ballot has no draft " + documentId + "."));
            return PdfUploads.download(documents, documentId, draft.fileName(), draft.sha256());
        });
    }

    /** Renders the result report, has the caller (secretariat) sign it with PAdES, and publishes it. */
    @PostMapping("/{ballotId}/result")
    @PreAuthorize("hasRole('SECRETARIAT')")
    Mono<ResponseEntity<BallotView.Report>> publishResult(@PathVariable String ballotId, @Valid @RequestBody Mono<SigningPin> body,
                                                          @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return body.flatMap(b -> find(ballotId).publishOn(Schedulers.boundedElastic()).map(view -> {
                    if (view.status != BallotStatus.CLOSED) {
                        throw new RuleViolation("ballot.not-closed", "The result is published after the ballot closes.");
                    }
                    if (view.report != null) {
                        throw new RuleViolation("ballot.result-published", "The result has already been published.");
                    }
                    byte[] report = BallotReport.render(view, id -> users.find(id).orElse(null));
                    byte[] signed = signing.signPdf(jwt.getSubject(), b.chars(), report, "Báo cáo kết quả lấy ý kiến thành viên Chính phủ");
                    var stored = documents.store("ballot-result:" + ballotId, "ket-qua-lay-y-kien-" + ballotId + ".pdf", signed);
                    return new PublishResult(ballotId, stored.documentId(), stored.fileName(), stored.sha256(), stored.size(), jwt.getSubject());
                }))
                .flatMap(command -> PdfUploads.deleteIfRefused(documents, command.reportId(), commands.send(command, jwt.getSubject(), exchange))
                        .thenReturn(command))
                .map(c -> ResponseEntity.status(201).body(new BallotView.Report(c.reportId(), c.fileName(), c.sha256(), c.size(), c.signedBy())));
    }

    @GetMapping("/{ballotId}/result.pdf")
    Mono<ResponseEntity<byte[]>> result(@PathVariable String ballotId, @AuthenticationPrincipal Jwt jwt) {
        return ballot(ballotId, jwt).flatMap(view -> {
            if (view.report == null) {
                return Mono.error(new NotFound("The result of this ballot has not been published."));
            }
            return PdfUploads.download(documents, view.report.reportId(), view.report.fileName(), view.report.sha256());
        });
    }

    /** Every signed answer (all versions) with the CA and a script to verify them with OpenSSL. */
    @GetMapping(path = "/{ballotId}/answers.zip", produces = "application/zip")
    Mono<ResponseEntity<byte[]>> answerBundle(@PathVariable String ballotId, @AuthenticationPrincipal Jwt jwt) {
        Actor actor = Actor.of(jwt);
        return find(ballotId).publishOn(Schedulers.boundedElastic()).map(view -> {
            if (!BallotAccess.seesEverything(actor, view)) {
                throw new NotPermitted("The signed answers are open to the secretariat and auditors, and to members after the close.");
            }
            return ResponseEntity.ok()
                    .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("ballot-" + ballotId + "-answers.zip").build().toString())
                    .contentType(MediaType.parseMediaType("application/zip"))
                    .body(AnswerBundle.of(events, ballotId, verifier.trustAnchorsPem()));
        });
    }

    private List<String> eligible(List<String> requested) {
        List<String> members = users.cabinetMembers().stream().map(CabinetUser::id).toList();
        if (requested == null || requested.isEmpty()) {
            return members;
        }
        List<String> notMembers = requested.stream().filter(id -> !members.contains(id)).toList();
        if (!notMembers.isEmpty()) {
            throw new ServerWebInputException("Not cabinet members: " + String.join(", ", notMembers));
        }
        return requested.stream().distinct().toList();
    }

    private static List<QuestionAnswer> answers(List<Answer> answers) {
        return answers.stream().map(a -> new QuestionAnswer(a.questionId(), a.choice(),
                a.comment() == null || a.comment().isBlank() ? null : a.comment().strip())).toList();
    }

    private Mono<BallotView> find(String ballotId) {
        return Mono.fromFuture(() -> queries.query(new FindBallot(ballotId), ResponseTypes.instanceOf(BallotView.class)))
                .subscribeOn(Schedulers.boundedElastic())
                .switchIfEmpty(Mono.error(() -> new NotFound("No ballot " + ballotId + ".")));
    }

    private static Mono<ResponseEntity<Void>> done(Mono<Object> sent) {
        return sent.then(Mono.just(ResponseEntity.noContent().<Void>build()));
    }
}
