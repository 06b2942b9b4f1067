package org.ecabinet.signing;

import org.ecabinet.identity.DemoStore;
import org.ecabinet.identity.CabinetUser;
import org.ecabinet.identity.Users;
import org.ecabinet.identity.account.AccountCommands.RecordIssuedCertificate;
import org.ecabinet.platform.CommandSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Gives every demo user a development-CA certificate whose key opens with the demo signing PIN. */
@Component
@Order(10)
@Profile("demo")
public class DemoSigning implements ApplicationRunner {

    /** The signing PIN of every demo user (printed at start-up and in the README). */
    public static final String PIN = "123456";
    private static final Logger log = LoggerFactory.getLogger(DemoSigning.class);

    private final Users users;
    private final RemoteSigning signing;
    private final CertificateAdministration certificates;
    private final CommandSender commands;

    DemoSigning(DemoStore guard, Users users, RemoteSigning signing, CertificateAdministration certificates, CommandSender commands) {
        this.users = users;
        this.signing = signing;
        this.certificates = certificates;
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) {
        int issued = 0;
        for (CabinetUser user : users.all()) {
            if (user.demo() && !signing.hasCredential(user.id())) {
                // recorded on the account like an administrator's issue: the auditor sees every certificate's origin
                certificates.issue(user.id(), user.displayName(), PIN.toCharArray(),
                        facts -> commands.sendAsSystem(new RecordIssuedCertificate(user.id(), facts), "demo-signing"));
                issued++;
            }
        }
        if (issued > 0) {
            log.info("Issued {} demo signing certificates (signing PIN {})", issued, PIN);
        }
    }
}
