package org.ecabinet.identity;

import java.util.Set;

import org.ecabinet.events.account.Role;
import org.ecabinet.platform.Causes;
import org.ecabinet.platform.secrets.SecretValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Outside the demo, an empty store has nobody to sign in: the first administrator is created from
 * {@code CABINET_ADMIN_PASSWORD} (or the file {@code CABINET_ADMIN_PASSWORD_FILE}, a compose secret), and creates everyone else.
 */
@Component
@Order(1)
@Profile("!demo")
class FirstAdministrator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

    private final Users users;
    private final AccountCreation accounts;
    private final PasswordEncoder passwords;
    private final String password;

    FirstAdministrator(Users users, AccountCreation accounts, PasswordEncoder passwords, @Value("${cabinet.bootstrap.admin-password:}") String password,
                       @Value("${cabinet.bootstrap.admin-password-file:}") String passwordFile) {
        this.users = users;
        this.accounts = accounts;
        this.passwords = passwords;
        String given = SecretValue.of(password, passwordFile);
        this.password = given == null ? "" : given;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!users.isEmpty()) {
            return;
        }
        if (password.isBlank()) {
            log.warn("The store has no users: set CABINET_ADMIN_PASSWORD (at least 12 characters) to create the first administrator 'admin'.");
            return;
        }
        if (password.length() < 12) {
            log.error("CABINET_ADMIN_PASSWORD has fewer than 12 characters: the first administrator was not created.");
            return;
        }
        CabinetUser admin = new CabinetUser("admin", "Quản trị hệ thống", "Quản trị hệ thống", Set.of(Role.ADMIN), null, 400, false,
                passwords.encode(password), null, true, false);
        try {
            accounts.create(admin, "first-administrator");
        } catch (RuntimeException e) {
            if (!Causes.aggregateAlreadyStored(e)) {
                throw e;
            }
            // Nodes started together on an empty store: one of them created it, with the same password.
            log.info("Another node created the first administrator 'admin' at the same moment.");
        }
        accounts.awaitVisible(admin);
        log.info("The first administrator 'admin' exists.");
    }
}
