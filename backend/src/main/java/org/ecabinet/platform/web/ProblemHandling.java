package org.ecabinet.platform.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.AxonTransientException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConflictingModificationException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.ecabinet.platform.InvalidInput;
import org.ecabinet.platform.NotFound;
import org.ecabinet.platform.NotPermitted;
import org.ecabinet.platform.RuleViolation;
import org.ecabinet.platform.TooManyAttempts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import jakarta.validation.ConstraintViolationException;

/**
 * Every error of the API as RFC 9457 problem+json: 400 with field errors for bad input, 403, 404,
 * 409 for illegal transitions and concurrent modification. Bad input never becomes a 500.
 */
@RestControllerAdvice
public class ProblemHandling {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandling.class);

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<ProblemDetail> invalidBody(WebExchangeBindException e) {
        List<Map<String, Object>> errors = e.getFieldErrors().stream()
                .map(ProblemHandling::fieldError)
                .toList();
        List<Map<String, Object>> globalErrors = e.getGlobalErrors().stream()
                .map(g -> fieldError(g.getObjectName(), constraintCode(g.getCode()), String.valueOf(g.getDefaultMessage())))
                .toList();
        return invalid("Some fields are invalid.", errors.isEmpty() ? globalErrors : errors);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ProblemDetail> invalidParameters(HandlerMethodValidationException e) {
        List<Map<String, Object>> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> fieldError(
                        String.valueOf(r.getMethodParameter().getParameterName()),
                        constraintCode(err.getCodes() == null || err.getCodes().length == 0 ? null : err.getCodes()[err.getCodes().length - 1]),
                        String.valueOf(err.getDefaultMessage()))))
                .toList();
        return invalid("Some parameters are invalid.", errors);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolation(ConstraintViolationException e) {
        List<Map<String, Object>> errors = e.getConstraintViolations().stream()
                .map(v -> fieldError(v.getPropertyPath().toString(),
                        constraintCode(v.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName()), v.getMessage()))
                .toList();
        return invalid("Some fields are invalid.", errors);
    }

    @ExceptionHandler(InvalidInput.class)
    ResponseEntity<ProblemDetail> invalidInput(InvalidInput e) {
        return invalid("Some fields are invalid.", List.of(fieldError(e.field(), e.code(), e.getMessage())));
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadableInput(ServerWebInputException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof DataBufferLimitException) {
            return tooLarge();
        }
        Optional<Map<String, Object>> fieldError = jsonFieldError(e);
        if (fieldError.isPresent()) {
            return invalid("Some fields are invalid.", List.of(fieldError.get()));
        }
        String reason = String.valueOf(e.getReason());
        String detail = reason.startsWith("No request body") ? "The request body is missing."
                : cause instanceof DecodingException || cause != e
                ? "The request body is not valid JSON of the expected shape: " + firstLine(cause.getMessage())
                : firstLine(reason);
        return respond(problem(HttpStatus.BAD_REQUEST, reason.startsWith("No request body") ? "body.missing" : "malformed-request",
                "Malformed request", detail));
    }

    /** What Jackson says about one field of a body (a wrong type, a key given twice, forbidden characters), as a field error. */
    private static Optional<Map<String, Object>> jsonFieldError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StrictJson.ForbiddenCharacters forbidden) {
                return Optional.of(fieldError(path(forbidden), StrictJson.ForbiddenCharacters.CODE, forbidden.getOriginalMessage()));
            }
            if (t instanceof JsonParseException parse && parse.getOriginalMessage() != null) {
                var duplicate = DUPLICATE_KEY.matcher(parse.getOriginalMessage());
                if (duplicate.find()) {
                    return Optional.of(fieldError(duplicate.group(1), "json.duplicate-key", "The key '" + duplicate.group(1) + "' is given twice."));
                }
            }
            if (t instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                return Optional.of(fieldError(path(mismatch), "type", "This field does not have the expected type: " + firstLine(mismatch.getOriginalMessage())));
            }
        }
        return Optional.empty();
    }

    private static final java.util.regex.Pattern DUPLICATE_KEY = java.util.regex.Pattern.compile("Duplicate field '([^']{0,100})'");

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** A body that cannot be decoded at all, such as a multipart request without its boundary or its end. */
    @ExceptionHandler(DecodingException.class)
    ResponseEntity<ProblemDetail> undecodable(DecodingException e) {
        if (e.getMostSpecificCause() instanceof DataBufferLimitException) {
            return tooLarge();
        }
        return respond(problem(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request",
                "The request body cannot be read: " + firstLine(e.getMessage())));
    }

    @ExceptionHandler(DataBufferLimitException.class)
    ResponseEntity<ProblemDetail> tooLarge(DataBufferLimitException e) {
        return tooLarge();
    }

    private static ResponseEntity<ProblemDetail> tooLarge() {
        return respond(problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Request too large", "The request body is larger than allowed."));
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        if (e.getStatusCode().value() == HttpStatus.PAYLOAD_TOO_LARGE.value()) {
            return tooLarge();
        }
        HttpStatus status = HttpStatus.resolve(e.getStatusCode().value());
        return respond(problem(e.getStatusCode(), codeOf(e.getStatusCode()), status == null ? "Error" : status.getReasonPhrase(),
                e.getReason() == null ? "The request could not be processed." : e.getReason()));
    }

    @ExceptionHandler(TooManyAttempts.class)
    ResponseEntity<ProblemDetail> tooMany(TooManyAttempts e) {
        // Rounded up: a client that waits what it is told is never refused again for the remaining fraction.
        long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header("Retry-After", String.valueOf(seconds))
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "Too many failed attempts",
                        e.getMessage() + " Try again in " + seconds + " second(s)."));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e) {
        return respond(problem(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this."));
    }

    @ExceptionHandler({RuleViolation.class, NotPermitted.class, NotFound.class, AggregateNotFoundException.class,
            ConcurrencyException.class, ConflictingModificationException.class, AggregateStreamCreationException.class,
            CommandExecutionException.class,
            CompletionException.class, EventStoreException.class})
    ResponseEntity<ProblemDetail> domain(Exception e) {
        Throwable cause = unwrap(e);
        if (cause instanceof InvalidInput invalid) {
            return invalidInput(invalid);
        }
        if (cause instanceof RuleViolation violation) {
            ProblemDetail problem = problem(HttpStatus.CONFLICT, violation.code(), "Not allowed now", cause.getMessage());
            if (!violation.arguments().isEmpty()) {
                problem.setProperty("arguments", violation.arguments());
            }
            return respond(problem);
        }
        if (cause instanceof NotPermitted notPermitted) {
            return respond(problem(HttpStatus.FORBIDDEN, notPermitted.code(), "Forbidden", cause.getMessage()));
        }
        if (cause instanceof NotFound || cause instanceof AggregateNotFoundException) {
            return respond(problem(HttpStatus.NOT_FOUND, "not-found", "Not found", cause instanceof NotFound ? cause.getMessage() : "No such resource."));
        }
        if (cause instanceof ConcurrencyException || cause instanceof ConflictingModificationException
                || cause instanceof AggregateStreamCreationException || cause instanceof AxonTransientException) {
            return respond(problem(HttpStatus.CONFLICT, "concurrent-modification", "Concurrent modification",
                    "Someone else changed this at the same moment; reload and try again."));
        }
        log.error("Unexpected failure", cause);
        return respond(problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error", "The request could not be completed."));
    }

    /** Axon and CompletableFuture wrap what the aggregate threw; the answer depends on the original. */
    static Throwable unwrap(Throwable e) {
        Throwable current = e;
        while ((current instanceof CompletionException || current instanceof CommandExecutionException
                || current instanceof java.util.concurrent.ExecutionException) && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }

    /**
     * A problem with its machine {@code code}: the stable name of what went wrong, which a client translates
     * for its user; {@code title} and {@code detail} are English, for developers and logs.
     */
    public static ProblemDetail problem(HttpStatusCode status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("about:blank"));
        problem.setProperty("code", code);
        return problem;
    }

    /** The code of a problem that has no more specific one than its status. */
    public static String codeOf(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "malformed-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "too-large";
            case 414 -> "uri-too-long";
            case 415 -> "unsupported-media-type";
            case 429 -> "too-many-attempts";
            default -> status.is5xxServerError() ? "internal" : "error";
        };
    }

    /** 400 with one entry per field: {@code errors: [{field, message}]}. */
    private static ResponseEntity<ProblemDetail> invalid(String detail, List<Map<String, Object>> errors) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "invalid-input", "Invalid request", detail);
        problem.setProperty("errors", errors);
        return respond(problem);
    }

    private static Map<String, Object> fieldError(FieldError error) {
        return fieldError(error.getField(), constraintCode(error.getCode()), String.valueOf(error.getDefaultMessage()));
    }

    private static Map<String, Object> fieldError(String field, String code, String message) {
        return Map.of("field", field, "code", code, "message", message);
    }

    /** The machine code of a violated Bean Validation constraint (or of our own check, already a code). */
    private static String constraintCode(String constraint) {
        if (constraint == null) {
            return "invalid";
        }
        return switch (constraint) {
            case "NotNull", "NotBlank", "NotEmpty" -> "required";
            case "Size", "Length" -> "size";
            case "Pattern", "Email" -> "format";
            case "Min", "Max", "Positive", "PositiveOrZero", "Negative", "NegativeOrZero", "DecimalMin", "DecimalMax", "Range" -> "range";
            case "Future", "FutureOrPresent", "Past", "PastOrPresent" -> "time";
            case "typeMismatch" -> "type";
            default -> constraint.contains(".") || constraint.contains("-") ? constraint : constraint.toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable input";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
