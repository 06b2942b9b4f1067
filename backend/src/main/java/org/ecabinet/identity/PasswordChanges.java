package org.ecabinet.identity;

import org.ecabinet.identity.account.AccountCommands.RecordPasswordChange;
import org.ecabinet.identity.account.AccountCommands.ResetPassword;
import org.ecabinet.platform.CommandSender;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * A password set by its user or reset by an administrator: recorded on the account first (the account's rules,
 * the audit), then stored, and in force for the user's next request.
 */
@Service
public class PasswordChanges {

    private final CommandSender commands;
    private final Users users;
    private final Credentials credentials;
    private final ActiveUsers active;

    PasswordChanges(CommandSender commands, Users users, Credentials credentials, ActiveUsers active) {
        this.commands = commands;
        this.users = users;
        this.credentials = credentials;
        this.active = active;
    }

    /** The user chose {@code passwordHash}. */
    Mono<Void> changed(String userId, String passwordHash, ServerWebExchange exchange) {
        return commands.<Long>send(new RecordPasswordChange(userId), userId, exchange)
                .publishOn(Schedulers.boundedElastic())
                .doOnNext(version -> store(userId, version, passwordHash, false))
                .then();
    }

    /** An administrator set a temporary password, which the user must replace at their next sign-in. */
    public Mono<Void> reset(String userId, String passwordHash, String adminId, ServerWebExchange exchange) {
        return commands.<Long>send(new ResetPassword(userId), adminId, exchange)
                .publishOn(Schedulers.boundedElastic())
                .doOnNext(version -> store(userId, version, passwordHash, true))
                .then();
    }

    /** The first password of a new account, recorded by its creation. */
    public void initial(String userId, String passwordHash, boolean mustChange) {
        credentials.set(userId, passwordHash, mustChange);
        active.forget(userId);
    }

    private void store(String userId, long version, String passwordHash, boolean mustChange) {
        users.awaitVersion(userId, version);
        credentials.set(userId, passwordHash, mustChange);
        active.forget(userId);
    }
}
