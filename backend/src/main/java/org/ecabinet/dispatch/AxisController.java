package org.ecabinet.dispatch;

import org.ecabinet.platform.web.Buffers;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Where other systems deliver edXML packages (documents and status messages). No sign-in: a package is
 * trusted for its seal, made with a certificate of the organisation it comes from, issued by a CA of our
 * trust store. A package delivered again is answered 200 and recorded once; a new one 202.
 */
@RestController
@RequestMapping("/api/axis")
class AxisController {

    private final Axis axis;

    AxisController(Axis axis) {
        this.axis = axis;
    }

    @PostMapping("/packages")
    Mono<ResponseEntity<Axis.Received>> receive(ServerWebExchange exchange) {
        return DataBufferUtils.join(exchange.getRequest().getBody(), EdXml.MAX_BYTES)
                .map(Buffers::bytes)
                .defaultIfEmpty(new byte[0])
                .publishOn(Schedulers.boundedElastic())
                .map(axis::receive)
                .map(received -> ResponseEntity.status(received.first() ? 202 : 200).body(received));
    }
}
