package org.ecabinet.platform;

import java.util.HashMap;
import java.util.Map;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.ecabinet.platform.idempotency.IdempotencyFilter;
import org.ecabinet.platform.web.RequestOrigin;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends a command with who sent it and from where; Axon copies this metadata onto every event the
 * command causes (see {@link AuditMetadata}), with the request's idempotency key when it has one. The local command bus runs handlers in the caller's thread,
 * so the call leaves the event loop.
 */
@Component
public class CommandSender {

    private final CommandGateway commands;

    CommandSender(CommandGateway commands) {
        this.commands = commands;
    }

    public <R> Mono<R> send(Object command, String userId, ServerWebExchange exchange) {
        Map<String, String> metadata = new HashMap<>(Map.of(
                AuditMetadata.USER_ID, userId,
                AuditMetadata.REMOTE_ADDRESS, RequestOrigin.address(exchange),
                AuditMetadata.USER_AGENT, RequestOrigin.userAgent(exchange)));
        IdempotencyFilter.requestKey(exchange).ifPresent(key -> metadata.put(AuditMetadata.REQUEST_KEY, key));
        return send(command, metadata);
    }

    /** For work the system does on its own (demo data, deadlines): the user id names the process. */
    public <R> R sendAsSystem(Object command, String process) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .withMetaData(Map.of(AuditMetadata.USER_ID, "system:" + process, AuditMetadata.REMOTE_ADDRESS, "local")));
    }

    private <R> Mono<R> send(Object command, Map<String, String> metadata) {
        return Mono.<R>fromFuture(() -> commands.send(GenericCommandMessage.asCommandMessage(command).withMetaData(MetaData.from(metadata))))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
