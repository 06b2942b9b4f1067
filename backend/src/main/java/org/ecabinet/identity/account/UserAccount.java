package org.ecabinet.identity.account;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.ecabinet.events.account.*;
import org.ecabinet.identity.account.AccountCommands.*;
import org.ecabinet.platform.AggregateLocks;
import org.ecabinet.platform.NotFound;
import org.ecabinet.platform.RuleViolation;

/**
 * One person's account: their roles (an agency clerk always with the agency they work for), whether they may
 * sign in, password resets, and the signing certificates bound to them. Every change is an event, so the
 * auditor's timeline shows who granted what to whom, when and from where.
 */
@Aggregate(lockFactory = AggregateLocks.BEAN)
public class UserAccount {

    @AggregateIdentifier
    private String userId;
    private boolean enabled;
    private List<Role> roles;
    private String organisationCode;
    /** fingerprint → revoked */
    private final Map<String, Boolean> certificates = new HashMap<>();
    /** The sequence number of the account's last event. */
    private long version = -1;

    protected UserAccount() {
        // for Axon
    }

    @CommandHandler
    UserAccount(CreateAccount command) {
        checkRoles(command.roles(), command.organisationCode());
        apply(new UserAccountCreated(command.userId(), command.displayName(), command.title(), command.roles(), command.organisationCode(),
                command.rank(), command.email(), command.demo()));
    }

    @CommandHandler
    long handle(ChangeRoles command) {
        checkEnabled();
        checkRoles(command.roles(), command.organisationCode());
        if (userId.equals(command.adminId()) && !command.roles().contains(Role.ADMIN)) {
            throw new RuleViolation("account.own-admin-role", "An administrator cannot withdraw their own administrator role.");
        }
        if (java.util.Set.copyOf(command.roles()).equals(java.util.Set.copyOf(roles)) && java.util.Objects.equals(command.organisationCode(), organisationCode)) {
            return version;
        }
        apply(new UserRolesChanged(userId, command.roles(), command.organisationCode()));
        return version;
    }

    @CommandHandler
    long handle(DisableAccount command) {
        if (!enabled) {
            throw new RuleViolation("account.already-disabled", "The account is already disabled.");
        }
        if (userId.equals(command.adminId())) {
            throw new RuleViolation("account.own-account", "An administrator cannot disable their own account.");
        }
        apply(new UserAccountDisabled(userId, command.reason()));
        return version;
    }

    @CommandHandler
    long handle(EnableAccount command) {
        if (enabled) {
            throw new RuleViolation("account.already-enabled", "The account is already enabled.");
        }
        apply(new UserAccountEnabled(userId));
        return version;
    }

    @CommandHandler
    long handle(ResetPassword command) {
        checkEnabled();
        apply(new UserPasswordReset(userId));
        return version;
    }

    @CommandHandler
    long handle(RecordPasswordChange command) {
        checkEnabled();
        apply(new UserPasswordChanged(userId));
        return version;
    }

    @CommandHandler
    long handle(RecordIssuedCertificate command) {
        checkNewCertificate(command.certificate());
        apply(new SigningCertificateIssued(userId, command.certificate()));
        return version;
    }

    @CommandHandler
    long handle(RecordImportedCertificate command) {
        checkNewCertificate(command.certificate());
        apply(new SigningCertificateImported(userId, command.certificate()));
        return version;
    }

    @CommandHandler
    long handle(RevokeCertificate command) {
        Boolean revoked = certificates.get(command.fingerprint());
        if (revoked == null) {
            throw new NotFound("The certificate " + command.fingerprint() + " is not bound to " + userId + ".");
        }
        if (revoked) {
            throw new RuleViolation("certificate.already-revoked", "The certificate is already revoked.");
        }
        apply(new SigningCertificateRevoked(userId, command.fingerprint(), command.reason()));
        return version;
    }

    private void checkEnabled() {
        if (!enabled) {
            throw new RuleViolation("account.disabled", "The account is disabled; enable it first.");
        }
    }

    private void checkNewCertificate(CertificateFacts certificate) {
        checkEnabled();
        if (certificates.containsKey(certificate.fingerprint())) {
            throw new RuleViolation("certificate.already-bound", "The certificate is already bound to this account.");
        }
    }

    private static void checkRoles(List<Role> roles, String organisationCode) {
        if (roles.isEmpty()) {
            throw new RuleViolation("account.no-role", "An account needs at least one role.");
        }
        if (roles.contains(Role.AGENCY_CLERK) && (organisationCode == null || organisationCode.isBlank())) {
            throw new RuleViolation("account.clerk-without-agency", "An agency clerk must be bound to an agency.");
        }
    }

    @EventSourcingHandler
    void on(UserAccountCreated event, @SequenceNumber long sequence) {
        version = sequence;
        userId = event.userId();
        enabled = true;
        roles = event.roles();
        organisationCode = event.organisationCode();
    }

    @EventSourcingHandler
    void on(UserRolesChanged event, @SequenceNumber long sequence) {
        version = sequence;
        roles = event.roles();
        organisationCode = event.organisationCode();
    }

    @EventSourcingHandler
    void on(UserAccountDisabled event, @SequenceNumber long sequence) {
        version = sequence;
        enabled = false;
    }

    @EventSourcingHandler
    void on(UserAccountEnabled event, @SequenceNumber long sequence) {
        version = sequence;
        enabled = true;
    }

    @EventSourcingHandler
    void on(SigningCertificateIssued event, @SequenceNumber long sequence) {
        version = sequence;
        certificates.put(event.certificate().fingerprint(), false);
    }

    @EventSourcingHandler
    void on(SigningCertificateImported event, @SequenceNumber long sequence) {
        version = sequence;
        certificates.put(event.certificate().fingerprint(), false);
    }

    @EventSourcingHandler
    void on(SigningCertificateRevoked event, @SequenceNumber long sequence) {
        version = sequence;
        certificates.put(event.fingerprint(), true);
    }

    /** The events this aggregate keeps no state for (password resets and changes) still count. */
    @EventSourcingHandler
    void on(AccountEvent event, @SequenceNumber long sequence) {
        version = sequence;
    }
}
