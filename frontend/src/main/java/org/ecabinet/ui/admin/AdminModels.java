package org.ecabinet.ui.admin;

import java.time.Instant;
import java.util.Set;

/** What the administration's screens show, as the backend's {@code /api/admin} sends it. */
public final class AdminModels {

    private AdminModels() {
    }

    /** The roles an administrator grants, in the order the screens list them. */
    public enum Role {
        MEMBER, CHAIR, SECRETARIAT, AGENCY_CLERK, AUDITOR, ADMIN
    }

    /** How an account stands, worded for the administrator. */
    public enum Standing {
        ACTIVE, PASSWORD_PENDING, DISABLED
    }

    public record Account(String id, String displayName, String title, Set<Role> roles, String organisationCode, String email,
                          boolean enabled, boolean mustChangePassword, boolean demo) {
        public Standing standing() {
            return !enabled ? Standing.DISABLED : mustChangePassword ? Standing.PASSWORD_PENDING : Standing.ACTIVE;
        }
    }

    /** A new account's form; {@code organisationCode} only for a clerk (or secretariat). */
    public record NewAccount(String userId, String displayName, String title, Set<Role> roles, String organisationCode, String email,
                             String temporaryPassword) {
    }

    public record CertificateFacts(String fingerprint, String serial, String subject, String issuer, Instant notBefore, Instant notAfter) {
    }

    public record Certificate(CertificateFacts facts, boolean keyHeldHere, Instant revokedAt, String revocationReason) {
        public boolean revoked() {
            return revokedAt != null;
        }
    }

    public record Anchor(CertificateFacts facts) {
    }
}
