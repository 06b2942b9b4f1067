package org.ecabinet.platform.idempotency;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.ecabinet.platform.web.Buffers;
import org.reactivestreams.Publisher;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The response of a request under an idempotency key, recorded before it leaves: a client that got an answer can
 * always get the same one again. Answers here are small JSON documents or none (streams are never keyed).
 */
final class RecordingResponse extends ServerHttpResponseDecorator {

    record Answer(int status, String contentType, String location, byte[] body) {
    }

    /** Records status, content type, location and body; completes when they are stored. */
    private final Function<Answer, Mono<Void>> recorder;
    private final AtomicBoolean recorded = new AtomicBoolean();

    RecordingResponse(ServerHttpResponse delegate, Function<Answer, Mono<Void>> recorder) {
        super(delegate);
        this.recorder = recorder;
    }

    @Override
    public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
        return DataBufferUtils.join(Flux.from(body)).map(Buffers::bytes).defaultIfEmpty(new byte[0]).flatMap(bytes -> record(bytes).then(super.writeWith(Mono.just(bufferFactory().wrap(bytes)))));
    }

    @Override
    public Mono<Void> writeAndFlushWith(Publisher<? extends Publisher<? extends DataBuffer>> body) {
        return writeWith(Flux.from(body).concatMap(Flux::from));
    }

    @Override
    public Mono<Void> setComplete() {
        return record(new byte[0]).then(super.setComplete());
    }

    private Mono<Void> record(byte[] body) {
        if (!recorded.compareAndSet(false, true)) {
            return Mono.empty();
        }
        HttpStatusCode status = getStatusCode();
        String location = getHeaders().getLocation() == null ? null : getHeaders().getLocation().toString();
        String contentType = getHeaders().getContentType() == null ? null : getHeaders().getContentType().toString();
        return recorder.apply(new Answer(status == null ? 200 : status.value(), contentType, location, body));
    }
}
