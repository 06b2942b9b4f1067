package org.ecabinet.administration;

import java.util.Set;

import org.ecabinet.events.account.Role;
import org.ecabinet.identity.Credentials;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The bodies of the administration's requests. */
final class AdminRequests {

    private AdminRequests() {
    }

    /** {@code temporaryPassword}: the user must choose their own at the first sign-in. */
    record NewAccount(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9._-]{2,39}") String userId,
                      @NotBlank @Size(max = 200) String displayName,
                      @NotBlank @Size(max = 200) String title,
                      @NotEmpty Set<Role> roles,
                      @Size(max = 40) String organisationCode,
                      @Min(0) @Max(100_000) Integer rank,
                      @Email @Size(max = 200) String email,
                      @NotBlank @Size(min = Credentials.MIN_PASSWORD_LENGTH, max = 200) String temporaryPassword) {
    }

    record RoleChange(@NotEmpty Set<Role> roles, @Size(max = 40) String organisationCode) {
    }

    record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    record PasswordReset(@NotBlank @Size(min = Credentials.MIN_PASSWORD_LENGTH, max = 200) String temporaryPassword) {
    }

    record Pem(@NotBlank @Size(max = 64 * 1024) String pem) {
    }
}
