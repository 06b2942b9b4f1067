package org.ecabinet.administration;

import org.ecabinet.identity.AccountCreation;
import org.ecabinet.identity.CabinetUser;
import org.ecabinet.identity.PasswordChanges;
import org.ecabinet.identity.Users;
import org.ecabinet.identity.account.AccountCommands.DisableAccount;
import org.ecabinet.identity.account.AccountCommands.RecordImportedCertificate;
import org.ecabinet.identity.account.AccountCommands.RecordIssuedCertificate;
import org.ecabinet.identity.account.AccountCommands.RevokeCertificate;
import org.ecabinet.platform.CommandSender;
import org.ecabinet.signing.CertificateAdministration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Stores of versions before the account events hold users and certificates that no event records: each is
 * recorded once, by the process {@code system:account-migration}, so that every account has a history and can
 * be administered. Runs before the demo and bootstrap set-ups.
 */
@Component
@Order(0)
class AccountMigration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AccountMigration.class);
    private static final String PROCESS = "account-migration";

    private final Users users;
    private final AccountCreation accounts;
    private final PasswordChanges passwords;
    private final CommandSender commands;
    private final CertificateAdministration certificates;

    AccountMigration(Users users, AccountCreation accounts, PasswordChanges passwords, CommandSender commands,
                     CertificateAdministration certificates) {
        this.users = users;
        this.passwords = passwords;
        this.accounts = accounts;
        this.commands = commands;
        this.certificates = certificates;
    }

    @Override
    public void run(ApplicationArguments args) {
        var earlier = users.withoutEvents();
        for (CabinetUser user : earlier) {
            // the hash first: the entry that still holds it is replaced when the directory shows the new event
            passwords.initial(user.id(), user.passwordHash(), false);
            accounts.create(user, PROCESS);
            var oldestFirst = new java.util.ArrayList<>(certificates.ofUser(user.id()));
            java.util.Collections.reverse(oldestFirst);
            for (var certificate : oldestFirst) {
                commands.sendAsSystem(certificate.keyHeldHere() ? new RecordIssuedCertificate(user.id(), certificate.facts())
                        : new RecordImportedCertificate(user.id(), certificate.facts()), PROCESS);
                if (certificate.revokedAt() != null) {
                    commands.sendAsSystem(new RevokeCertificate(user.id(), certificate.facts().fingerprint(), certificate.revocationReason()), PROCESS);
                }
            }
            if (!user.enabled()) {
                commands.sendAsSystem(new DisableAccount(user.id(), "disabled before the account events", "system:" + PROCESS), PROCESS);
            }
        }
        earlier.forEach(accounts::awaitVisible);
        if (!earlier.isEmpty()) {
            log.info("Recorded {} accounts of an earlier version as events", earlier.size());
        }
    }
}
