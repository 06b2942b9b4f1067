package org.ecabinet.platform.web;

import org.ecabinet.platform.storage.DocumentStore;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses an oversized body with 413 before any of it is parsed: at once when its declared length is too
 * large, else as soon as the bytes read pass the limit. Without it, a JSON body past the decoder's limit
 * inside one long string reset the connection instead of being answered. Limits: uploads (multipart) 20 MB
 * plus framing, packages over the axis 31 MB, every other body 1 MB.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodySizeLimit implements WebFilter {

    static final long JSON_LIMIT = 1024 * 1024;
    static final long UPLOAD_LIMIT = DocumentStore.MAX_SIZE + 64 * 1024;
    static final long AXIS_LIMIT = 31L * 1024 * 1024;

    private final ProblemWriter problems;

    BodySizeLimit(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long limit = limitFor(exchange);
        long declared = exchange.getRequest().getHeaders().getContentLength();
        if (declared > limit) {
            return problems.write(exchange, ProblemHandling.problem(HttpStatus.PAYLOAD_TOO_LARGE, "too-large", "Request too large",
                    "The request body is larger than allowed (" + limit / 1024 + " KiB)."));
        }
        var limited = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                long[] seen = {0};
                return super.getBody().handle((buffer, sink) -> {
                    seen[0] += buffer.readableByteCount();
                    if (seen[0] > limit) {
                        DataBufferUtils.release(buffer);
                        sink.error(new DataBufferLimitException("The request body is larger than allowed (" + limit / 1024 + " KiB)."));
                    } else {
                        sink.next(buffer);
                    }
                });
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }

    private static long limitFor(ServerWebExchange exchange) {
        if (exchange.getRequest().getPath().value().startsWith("/api/axis/")) {
            return AXIS_LIMIT;
        }
        MediaType type = exchange.getRequest().getHeaders().getContentType();
        if (type != null && (MediaType.MULTIPART_FORM_DATA.includes(type) || MediaType.APPLICATION_PDF.includes(type))) {
            return UPLOAD_LIMIT;
        }
        return JSON_LIMIT;
    }
}
