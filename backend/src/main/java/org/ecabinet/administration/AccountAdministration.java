package org.ecabinet.administration;

import java.util.List;

import org.ecabinet.events.account.CertificateFacts;
import org.ecabinet.identity.Agencies;
import org.ecabinet.identity.CabinetUser;
import org.ecabinet.identity.PasswordChanges;
import org.ecabinet.identity.Users;
import org.ecabinet.identity.account.AccountCommands.*;
import org.ecabinet.platform.CommandSender;
import org.ecabinet.platform.InvalidInput;
import org.ecabinet.platform.NotFound;
import org.ecabinet.platform.RuleViolation;
import org.ecabinet.signing.CertificateAdministration;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.web.server.ServerWebExchange;

/**
 * What an administrator does to accounts: each change a command on the {@code UserAccount} (its rules, its event
 * with who did it and from where), answered once the user directory shows it — so a user created or changed
 * can sign in with it as soon as the administrator is told it is done. Runs off the event loop.
 */
@Service
class AccountAdministration {

    private final CommandSender commands;
    private final Users users;
    private final Agencies agencies;
    private final PasswordChanges passwordChanges;
    private final PasswordEncoder passwords;
    private final CertificateAdministration certificates;

    AccountAdministration(CommandSender commands, Users users, Agencies agencies, PasswordChanges passwordChanges, PasswordEncoder passwords,
                          CertificateAdministration certificates) {
        this.commands = commands;
        this.users = users;
        this.agencies = agencies;
        this.passwordChanges = passwordChanges;
        this.passwords = passwords;
        this.certificates = certificates;
    }

    /** Who did it, from where: the request's. */
    record Origin(String adminId, ServerWebExchange exchange) {
    }

    List<AccountSummary> all() {
        return users.all().stream().map(AccountSummary::of).toList();
    }

    AccountSummary one(String userId) {
        return AccountSummary.of(user(userId));
    }

    AccountSummary create(AdminRequests.NewAccount account, Origin origin) {
        checkAgency(account.organisationCode());
        if (users.find(account.userId()).isPresent()) {
            throw new RuleViolation("account.exists", "An account with this user name exists already.");
        }
        send(new CreateAccount(account.userId(), account.displayName(), account.title(), account.roles().stream().sorted().toList(),
                blankToNull(account.organisationCode()), account.rank() == null ? 1000 : account.rank(), blankToNull(account.email()), false), origin);
        passwordChanges.initial(account.userId(), passwords.encode(account.temporaryPassword()), true);
        await(account.userId(), 0L);
        return one(account.userId());
    }

    AccountSummary changeRoles(String userId, AdminRequests.RoleChange change, Origin origin) {
        user(userId);
        checkAgency(change.organisationCode());
        await(userId, this.<Long>send(new ChangeRoles(userId, change.roles().stream().sorted().toList(), blankToNull(change.organisationCode()),
                origin.adminId()), origin));
        return one(userId);
    }

    AccountSummary disable(String userId, String reason, Origin origin) {
        user(userId);
        await(userId, this.<Long>send(new DisableAccount(userId, reason, origin.adminId()), origin));
        return one(userId);
    }

    AccountSummary enable(String userId, Origin origin) {
        user(userId);
        await(userId, this.<Long>send(new EnableAccount(userId), origin));
        return one(userId);
    }

    AccountSummary resetPassword(String userId, String temporaryPassword, Origin origin) {
        user(userId);
        passwordChanges.reset(userId, passwords.encode(temporaryPassword), origin.adminId(), origin.exchange()).block();
        return one(userId);
    }

    List<CertificateAdministration.BoundCertificate> certificates(String userId) {
        user(userId);
        return certificates.ofUser(userId);
    }

    CertificateFacts issueCertificate(String userId, char[] pin, Origin origin) {
        CabinetUser user = user(userId);
        return certificates.issue(userId, user.displayName(), pin, facts -> await(userId, send(new RecordIssuedCertificate(userId, facts), origin)));
    }

    CertificateFacts importCertificate(String userId, String pem, Origin origin) {
        user(userId);
        return certificates.importFor(userId, pem, facts -> await(userId, send(new RecordImportedCertificate(userId, facts), origin)));
    }

    void revokeCertificate(String userId, String fingerprint, String reason, Origin origin) {
        user(userId);
        certificates.revoke(userId, fingerprint, reason, () -> await(userId, send(new RevokeCertificate(userId, fingerprint, reason), origin)));
    }

    private CabinetUser user(String userId) {
        return users.find(userId).orElseThrow(() -> new NotFound("No user " + userId + "."));
    }

    private void checkAgency(String organisationCode) {
        if (blankToNull(organisationCode) != null && agencies.find(organisationCode).isEmpty()) {
            throw new InvalidInput("organisationCode", "agency.unknown", "No agency has the code " + organisationCode + ".");
        }
    }

    private <R> R send(Object command, Origin origin) {
        return commands.<R>send(command, origin.adminId(), origin.exchange()).block();
    }

    private void await(String userId, Long version) {
        if (version != null) {
            users.requireVersion(userId, version);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
