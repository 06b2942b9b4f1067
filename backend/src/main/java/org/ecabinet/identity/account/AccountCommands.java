package org.ecabinet.identity.account;

import java.util.List;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.ecabinet.events.account.CertificateFacts;
import org.ecabinet.events.account.Role;

/**
 * What can be asked of a {@link UserAccount}. {@code adminId} is the authenticated administrator (never taken
 * from a request body); each command but the first answers the sequence number of the account's last event,
 * which the request awaits in the directory.
 */
public final class AccountCommands {

    private AccountCommands() {
    }

    public record CreateAccount(@TargetAggregateIdentifier String userId, String displayName, String title, List<Role> roles, String organisationCode,
                         int rank, String email, boolean demo) {
    }

    public record ChangeRoles(@TargetAggregateIdentifier String userId, List<Role> roles, String organisationCode, String adminId) {
    }

    public record DisableAccount(@TargetAggregateIdentifier String userId, String reason, String adminId) {
    }

    public record EnableAccount(@TargetAggregateIdentifier String userId) {
    }

    public record ResetPassword(@TargetAggregateIdentifier String userId) {
    }

    public record RecordPasswordChange(@TargetAggregateIdentifier String userId) {
    }

    public record RecordIssuedCertificate(@TargetAggregateIdentifier String userId, CertificateFacts certificate) {
    }

    public record RecordImportedCertificate(@TargetAggregateIdentifier String userId, CertificateFacts certificate) {
    }

    public record RevokeCertificate(@TargetAggregateIdentifier String userId, String fingerprint, String reason) {
    }
}
