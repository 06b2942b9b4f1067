package org.ecabinet.dispatch;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.ecabinet.dispatch.DispatchCommands.*;
import org.ecabinet.dispatch.DispatchQueries.FindDocument;
import org.ecabinet.dispatch.DispatchQueries.ListDocuments;
import org.ecabinet.dispatch.DispatchRequests.*;
import org.ecabinet.events.dispatch.DocumentFile;
import org.ecabinet.identity.Actor;
import org.ecabinet.identity.Agencies;
import org.ecabinet.platform.CommandSender;
import org.ecabinet.platform.InvalidInput;
import org.ecabinet.platform.NotFound;
import org.ecabinet.platform.RuleViolation;
import org.ecabinet.platform.storage.DocumentStore;
import org.ecabinet.platform.storage.PointInTime;
import org.ecabinet.platform.web.LiveStream;
import org.ecabinet.platform.web.PdfUploads;
import org.ecabinet.signing.SigningPin;
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
 * Official documents between agencies over HTTP: register, sign, dispatch; receive, assign, handle,
 * complete or reject; recall. Who acts is the signed-in clerk for their organisation; what the
 * organisation may do is decided by {@link DocumentDispatch}.
 */
@RestController
@RequestMapping("/api/documents")
class DispatchController {

    private final CommandSender commands;
    private final QueryGateway queries;
    private final DocumentStore files;
    private final DocumentSignatures signatures;
    private final Agencies agencies;
    private final DispatchHistory history;
    private final AxisProperties axis;
    private final Axis packages;

    DispatchController(CommandSender commands, QueryGateway queries, DocumentStore files, DocumentSignatures signatures, Agencies agencies,
                       DispatchHistory history, AxisProperties axis, Axis packages) {
        this.signatures = signatures;
        this.axis = axis;
        this.packages = packages;
        this.commands = commands;
        this.queries = queries;
        this.files = files;
        this.agencies = agencies;
        this.history = history;
    }

    /** What an upload gives back: the file's id for a registration or a revision, and what was counted of it. */
    record UploadedFile(String fileId, String fileName, String sha256, long size, int pageCount) {
    }

    @PostMapping(path = "/files", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('AGENCY_CLERK', 'SECRETARIAT')")
    Mono<ResponseEntity<UploadedFile>> upload(@RequestPart("file") Mono<FilePart> file, @AuthenticationPrincipal Jwt jwt) {
        Staff staff = DispatchAccess.staff(Actor.of(jwt));
        return PdfUploads.read(file).publishOn(Schedulers.boundedElastic()).map(upload -> {
            var stored = files.upload(uploader(jwt, staff), upload.fileName(), upload.bytes());
            return ResponseEntity.status(201).body(new UploadedFile(stored.documentId(), stored.fileName(), stored.sha256(), stored.size(),
                    upload.pageCount()));
        });
    }

    /** The documents of the caller's organisation: {@code box=outbox} sent by it, {@code box=inbox} dispatched to it. */
    @GetMapping
    Mono<List<DocumentSummary>> list(@RequestParam(defaultValue = "inbox") String box, @AuthenticationPrincipal Jwt jwt) {
        Actor actor = Actor.of(jwt);
        if (!box.equals("inbox") && !box.equals("outbox") && !box.equals("all")) {
            return Mono.error(new ServerWebInputException("box is inbox, outbox or all."));
        }
        String organ = actor.organisationCode();
        return Mono.fromFuture(() -> queries.query(new ListDocuments(), ResponseTypes.multipleInstancesOf(DocumentView.class)))
                .subscribeOn(Schedulers.boundedElastic())
                .map(all -> all.stream().filter(v -> DispatchAccess.canRead(actor, v))
                        .filter(v -> box.equals("all") || (box.equals("outbox") ? v.senderOrganId.equals(organ) : v.recipient(organ).isPresent()))
                        .map(v -> new DocumentSummary(v.documentId, v.senderOrganId, v.codeNumber + "/" + v.codeNotation, v.documentType, v.subject,
                                v.urgency, v.state, v.dispatchedAt, v.recipient(organ).map(r -> r.statusCode).orElse(null), v.dueDate))
                        .toList());
    }

    @GetMapping("/{documentId}")
    Mono<DocumentView> document(@PathVariable String documentId, @AuthenticationPrincipal Jwt jwt) {
        return find(documentId).map(view -> DispatchAccess.readable(Actor.of(jwt), view));
    }

    /** The document, then again after every change: the sender follows its recipients, a recipient its own steps. */
    @GetMapping(path = "/{documentId}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<DocumentView>> stream(@PathVariable String documentId, @AuthenticationPrincipal Jwt jwt,
                                          @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Actor actor = Actor.of(jwt);
        return document(documentId, jwt).flatMapMany(permitted -> LiveStream.follow(queries, new FindDocument(documentId), DocumentView.class,
                "document", states -> states.filter(view -> DispatchAccess.canRead(actor, view)), view -> view.version, lastEventId));
    }

    /** The document as it was at {@code at}, after its event {@code sequence}, or at global index {@code global}. */
    @GetMapping("/{documentId}/as-of")
    Mono<DocumentView> asOf(@PathVariable String documentId, @RequestParam(required = false) java.time.Instant at,
                            @RequestParam(required = false) Long sequence, @RequestParam(required = false) Long global,
                            @AuthenticationPrincipal Jwt jwt) {
        return Mono.fromCallable(() -> PointInTime.Point.of(at, sequence, global))
                .flatMap(point -> document(documentId, jwt).publishOn(Schedulers.boundedElastic())
                        .map(now -> history.asOf(documentId, point).orElseThrow(() -> new NotFound("The document did not exist yet at that point."))));
    }

    /** The current PDF: the signed one once the current version is signed. */
    @GetMapping("/{documentId}/pdf")
    Mono<ResponseEntity<byte[]>> pdf(@PathVariable String documentId, @AuthenticationPrincipal Jwt jwt) {
        return document(documentId, jwt).flatMap(view -> PdfUploads.download(files, view.currentPdf().fileId(), view.currentPdf().fileName(),
                view.currentPdf().sha256()));
    }

    /** The document's sealed edXML package (QCVN 102:2016), as it travels over the axis. */
    @GetMapping(path = "/{documentId}/edxml", produces = MediaType.APPLICATION_XML_VALUE)
    Mono<ResponseEntity<byte[]>> edxml(@PathVariable String documentId, @AuthenticationPrincipal Jwt jwt) {
        return document(documentId, jwt).publishOn(Schedulers.boundedElastic()).map(view -> ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION, org.springframework.http.ContentDisposition.attachment()
                        .filename("edxml-" + view.codeNumber + ".xml").build().toString())
                .contentType(MediaType.APPLICATION_XML).body(packages.packageOf(view)));
    }

    @PostMapping
    @PreAuthorize("hasAnyRole('AGENCY_CLERK', 'SECRETARIAT')")
    Mono<ResponseEntity<Created>> register(@Valid @RequestBody Mono<NewDocument> body, @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        Staff staff = DispatchAccess.staff(Actor.of(jwt));
        String documentId = UUID.randomUUID().toString();
        return body.flatMap(b -> {
                    if (b.dueDate() != null && b.dueDate().isBefore(b.promulgationDate())) {
                        throw new InvalidInput("dueDate", "date.before-promulgation", "The due date comes after the promulgation date.");
                    }
                    List<PdfUploads.Named> named = new java.util.ArrayList<>(List.of(new PdfUploads.Named("fileId", b.fileId())));
                    (b.attachmentIds() == null ? List.<String>of() : b.attachmentIds()).forEach(id -> named.add(new PdfUploads.Named("attachmentIds", id)));
                    return PdfUploads.attach(files, named, uploader(jwt, staff), attachedTo(documentId), claimed -> {
                        DocumentFile file = documentFile(claimed.get(0));
                        List<DocumentFile> attachments = claimed.subList(1, claimed.size()).stream().map(DispatchController::documentFile).toList();
                        return commands.send(new RegisterDocument(documentId, staff, b.codeNumber().strip(), b.codeNotation().strip(),
                                b.documentType().strip(), b.subject().strip(), b.promulgationPlace().strip(), b.promulgationDate(),
                                new org.ecabinet.events.dispatch.SignerInfo(blankToNull(b.signer().competence()), b.signer().position().strip(),
                                        b.signer().fullName().strip()),
                                b.urgency(), b.confidentiality(), b.dueDate(), file, pages(file), attachments,
                                blankToNull(b.replacesDocumentId())), jwt.getSubject(), exchange);
                    });
                })
                .thenReturn(ResponseEntity.created(URI.create("/api/documents/" + documentId)).body(new Created(documentId)));
    }

    @PostMapping("/{documentId}/revisions")
    @PreAuthorize("hasAnyRole('AGENCY_CLERK', 'SECRETARIAT')")
    Mono<ResponseEntity<Void>> revise(@PathVariable String documentId, @Valid @RequestBody Mono<Revision> body, @AuthenticationPrincipal Jwt jwt,
                                      ServerWebExchange exchange) {
        Staff staff = DispatchAccess.staff(Actor.of(jwt));
        return done(body.flatMap(b -> PdfUploads.attach(files, List.of(new PdfUploads.Named("fileId", b.fileId())), uploader(jwt, staff),
                attachedTo(documentId), claimed -> {
                    DocumentFile file = documentFile(claimed.get(0));
                    return commands.send(new ReviseDocument(documentId, staff, file, pages(file), b.reason().strip()), jwt.getSubject(), exchange);
                })));
    }

    /** Signs the current version with the caller's key (PIN): a PAdES signature inside the PDF. */
    @PostMapping("/{documentId}/signature")
    @PreAuthorize("hasAnyRole('AGENCY_CLERK', 'SECRETARIAT')")
    Mono<ResponseEntity<Void>> sign(@PathVariable String documentId, @Valid @RequestBody Mono<SigningPin> body, @AuthenticationPrincipal Jwt jwt,
                                    ServerWebExchange exchange) {
        Staff staff = DispatchAccess.staff(Actor.of(jwt));
        return done(body.zipWith(document(documentId, jwt)).publishOn(Schedulers.boundedElastic()).map(pinAndView -> {
            DocumentView view = pinAndView.getT2();
            return signatures.sign(documentId, staff, view.currentVersion, view.file, "Ký ban hành " + view.codeNumber + "/" + view.codeNotation,
                    pinAndView.getT1().chars());
        }).flatMap(command -> PdfUploads.deleteIfRefused(files, command.signedFile().fileId(), commands.send(command, jwt.getSubject(), exchange))));
    }

    @PostMapping("/{documentId}/dispatch")
    @PreAuthorize("hasAnyRole('AGENCY_CLERK', 'SECRETARIAT')")
    Mono<ResponseEntity<Void>> dispatch(@PathVariable String documentId, @Valid @RequestBody Mono<Dispatch> body, @AuthenticationPrincipal Jwt jwt,
                                        ServerWebExchange exchange) {
        Staff staff = DispatchAccess.staff(Actor.of(jwt));
        return done(body.map(b -> {
            List<String> unknown = b.recipients().stream().filter(r -> agencies.find(r).isEmpty()).toList();
            if (!unknown.isEmpty()) {
                throw new ServerWebInputException("recipients: not in the directory of organisations: " + String.join(", ", unknown));
            }
            return new DispatchDocument(documentId, staff, b.recipients(), axis.hostedHere(b.recipients()));
        }).flatMap(command -> commands.send(command, jwt.getSubject(), exchange)));
    }

    /** Receipt by a recipient's clerk: the PDF's signature is verified here, and the report recorded with the receipt. */
    @PostMapping("/{documentId}/receive")
    @PreAuthorize("hasAnyRole('AGENCY_CLERK', 'SECRETARIAT')")
    Mono<ResponseEntity<Void>> receive(@PathVariable String documentId, @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        Staff staff = DispatchAccess.staff(Actor.of(jwt));
        return done(document(documentId, jwt).publishOn(Schedulers.boundedElastic())
                .map(view -> signatures.receive(documentId, staff, view.currentPdf()))
                .flatMap(command -> commands.send(command, jwt.getSubject(), exchange)));
    }

    @PostMapping("/{documentId}/reject")
    @PreAuthorize("hasAnyRole('AGENCY_CLERK', 'SECRETARIAT')")
    Mono<ResponseEntity<Void>> reject(@PathVariable String documentId, @Valid @RequestBody Mono<Reason> body, @AuthenticationPrincipal Jwt jwt,
                                      ServerWebExchange exchange) {
        Staff staff = DispatchAccess.staff(Actor.of(jwt));
        return done(body.flatMap(b -> commands.send(new RejectDocument(documentId, staff, b.reason().strip()), jwt.getSubject(), exchange)));
    }

    @PostMapping("/{documentId}/assign")
    @PreAuthorize("hasAnyRole('AGENCY_CLERK', 'SECRETARIAT')")
    Mono<ResponseEntity<Void>> assign(@PathVariable String documentId, @Valid @RequestBody Mono<Assignment> body, @AuthenticationPrincipal Jwt jwt,
                                      ServerWebExchange exchange) {
        Staff staff = DispatchAccess.staff(Actor.of(jwt));
        return done(body.flatMap(b -> commands.send(new AssignDocument(documentId, staff, b.assignee().strip()), jwt.getSubject(), exchange)));
    }

    @PostMapping("/{documentId}/start")
    @PreAuthorize("hasAnyRole('AGENCY_CLERK', 'SECRETARIAT')")
    Mono<ResponseEntity<Void>> start(@PathVariable String documentId, @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return done(commands.send(new StartProcessing(documentId, DispatchAccess.staff(Actor.of(jwt))), jwt.getSubject(), exchange));
    }

    @PostMapping("/{documentId}/complete")
    @PreAuthorize("hasAnyRole('AGENCY_CLERK', 'SECRETARIAT')")
    Mono<ResponseEntity<Void>> complete(@PathVariable String documentId, @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        return done(commands.send(new CompleteProcessing(documentId, DispatchAccess.staff(Actor.of(jwt))), jwt.getSubject(), exchange));
    }

    @PostMapping("/{documentId}/recall")
    @PreAuthorize("hasAnyRole('AGENCY_CLERK', 'SECRETARIAT')")
    Mono<ResponseEntity<Void>> recall(@PathVariable String documentId, @Valid @RequestBody Mono<Recall> body, @AuthenticationPrincipal Jwt jwt,
                                      ServerWebExchange exchange) {
        Staff staff = DispatchAccess.staff(Actor.of(jwt));
        return done(body.flatMap(b -> commands.send(new RequestRecall(documentId, staff, b.kind(), b.reason().strip()), jwt.getSubject(), exchange)));
    }

    @PostMapping("/{documentId}/recall/answer")
    @PreAuthorize("hasAnyRole('AGENCY_CLERK', 'SECRETARIAT')")
    Mono<ResponseEntity<Void>> answerRecall(@PathVariable String documentId, @Valid @RequestBody Mono<RecallAnswer> body,
                                            @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        Staff staff = DispatchAccess.staff(Actor.of(jwt));
        return done(body.flatMap(b -> commands.send(new AnswerRecall(documentId, staff, b.agreed(), blankToNull(b.reason())), jwt.getSubject(),
                exchange)));
    }

    /** An upload for a document belongs to the clerk and to their agency: any clerk of the agency may register it. */
    private static DocumentStore.Uploader uploader(Jwt jwt, Staff staff) {
        return new DocumentStore.Uploader("dispatch", jwt.getSubject(), staff.organId());
    }

    static String attachedTo(String documentId) {
        return "document:" + documentId;
    }

    private static DocumentFile documentFile(DocumentStore.StoredDocument stored) {
        return new DocumentFile(stored.documentId(), stored.fileName(), stored.sha256(), stored.size());
    }

    private int pages(DocumentFile file) {
        return PdfUploads.pageCount(files.read(file.fileId()).orElseThrow(() -> new NotFound("The file " + file.fileName() + " is missing.")));
    }

    private Mono<DocumentView> find(String documentId) {
        return Mono.fromFuture(() -> queries.query(new FindDocument(documentId), ResponseTypes.instanceOf(DocumentView.class)))
                .subscribeOn(Schedulers.boundedElastic())
                .switchIfEmpty(Mono.error(new NotFound("No document " + documentId + ".")));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Mono<ResponseEntity<Void>> done(Mono<Object> sent) {
        return sent.then(Mono.just(ResponseEntity.noContent().<Void>build()));
    }
}
