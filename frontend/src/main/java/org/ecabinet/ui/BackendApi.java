package org.ecabinet.ui;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.reactive.function.client.WebClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * The backend's HTTP API, called with the signed-in user's token. Errors come back as RFC 9457
 * problems; every call turns one into a {@link BackendException} with the problem's machine codes, which
 * {@link Feedback#explain} puts into the user's language (the English {@code detail} is for logs).
 */
@Component
public class BackendApi {

    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final WebClient web;
    private final String proxyKey;

    BackendApi(WebClient.Builder builder, BackendProperties properties) {
        this.proxyKey = properties.sharedProxyKey();
        this.web = builder.baseUrl(properties.url())
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(32 * 1024 * 1024))
                .defaultStatusHandler(status -> status.isError(), problem())
                .filter(new IdempotentRetries(Duration.ofMillis(500)))
                .build();
    }

    /** A client that sends this token on every call. */
    public WebClient as(String token) {
        return web.mutate().defaultHeader("Authorization", "Bearer " + token).defaultHeaders(this::forwardClient).build();
    }

    public WebClient anonymous() {
        return web.mutate().defaultHeaders(this::forwardClient).build();
    }

    /**
     * The frontend is the backend's proxy: it tells the backend the browser's address (for sign-in throttling
     * and the audit history), with the key that makes the backend believe it. The browser's own forwarding
     * headers are not passed on.
     */
    private void forwardClient(HttpHeaders headers) {
        String address = clientAddress();
        if (address != null) {
            headers.set("X-Forwarded-For", address);
            if (proxyKey != null) {
                headers.set("X-Cabinet-Proxy-Key", proxyKey);
            }
        }
    }

    private static String clientAddress() {
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request != null) {
            return request.getRemoteAddr();
        }
        VaadinSession session = VaadinSession.getCurrent();
        if (session != null && session.getBrowser() != null && session.getBrowser().getAddress() != null) {
            return session.getBrowser().getAddress();
        }
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet) {
            return servlet.getRequest().getRemoteAddr();
        }
        return null;
    }

    /** A multipart body with one PDF in the part {@code file}, as every upload endpoint of the backend takes it. */
    public static org.springframework.util.MultiValueMap<String, org.springframework.http.HttpEntity<?>> pdfUpload(String fileName, byte[] pdf) {
        var parts = new org.springframework.http.client.MultipartBodyBuilder();
        parts.part("file", new org.springframework.core.io.ByteArrayResource(pdf) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }).contentType(MediaType.APPLICATION_PDF);
        return parts.build();
    }

    /**
     * The data of a Server-Sent Events stream, reconnecting with back-off when it breaks or ends (not when it is refused), and
     * then saying with {@code Last-Event-ID} which state it has, so that the backend (any node) sends only newer ones.
     */
    public <T> Flux<T> follow(String token, ParameterizedTypeReference<ServerSentEvent<T>> type, String uri, Object... variables) {
        java.util.concurrent.atomic.AtomicReference<String> lastId = new java.util.concurrent.atomic.AtomicReference<>();
        return Flux.defer(() -> as(token).get().uri(uri, variables).accept(MediaType.TEXT_EVENT_STREAM)
                        .headers(headers -> {
                            if (lastId.get() != null) {
                                headers.set("Last-Event-ID", lastId.get());
                            }
                        })
                        .retrieve()
                        .bodyToFlux(type))
                .doOnNext(event -> {
                    if (event.id() != null) {
                        lastId.set(event.id());
                    }
                })
                .filter(event -> event.data() != null)
                .map(ServerSentEvent::data)
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(30))
                        .filter(e -> !(e instanceof BackendException)))
                // a stream the backend ends (a node stopping) is followed again too, on whichever node answers
                .repeatWhen(ended -> ended.delayElements(Duration.ofSeconds(1)));
    }

    /** Turns a problem answer into a {@link BackendException} carrying its status and detail. */
    private static Function<ClientResponse, Mono<? extends Throwable>> problem() {
        return response -> response.bodyToMono(JsonNode.class)
                .defaultIfEmpty(com.fasterxml.jackson.databind.node.MissingNode.getInstance())
                .map(body -> new BackendException(response.statusCode(), body.path("code").asText(""),
                        body.path("errors").path(0).path("code").asText(""), arguments(body.path("arguments")),
                        body.path("detail").asText(response.statusCode().toString())));
    }

    private static Map<String, String> arguments(JsonNode named) {
        Map<String, String> arguments = new java.util.HashMap<>();
        named.properties().forEach(argument -> arguments.put(argument.getKey(), argument.getValue().asText()));
        return arguments;
    }

    public static final class BackendException extends RuntimeException {
        private final HttpStatusCode status;

        private final String code;
        private final String fieldCode;
        private final Map<String, String> arguments;

        public BackendException(HttpStatusCode status, String detail) {
            this(status, "", "", Map.of(), detail);
        }

        /**
         * {@code code}: the problem's machine code; {@code fieldCode}: that of its first field error, if any;
         * {@code arguments}: what the problem names (an item's title, a deadline), by name.
         */
        public BackendException(HttpStatusCode status, String code, String fieldCode, Map<String, String> arguments, String detail) {
            super(detail);
            this.status = status;
            this.code = code;
            this.fieldCode = fieldCode;
            this.arguments = Map.copyOf(arguments);
        }

        public String code() {
            return code;
        }

        public String fieldCode() {
            return fieldCode;
        }

        public Map<String, String> arguments() {
            return arguments;
        }

        public HttpStatusCode status() {
            return status;
        }
    }
}
