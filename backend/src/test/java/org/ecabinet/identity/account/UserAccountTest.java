package org.ecabinet.identity.account;

import java.time.Instant;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.ecabinet.events.account.*;
import org.ecabinet.identity.account.AccountCommands.*;
import org.ecabinet.platform.NotFound;
import org.ecabinet.platform.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UserAccountTest {

    static final String CLERK = "vanthu.g12";
    static final String ADMIN = "admin";
    static final String G12 = "000.00.00.G12";
    static final CertificateFacts CERTIFICATE = new CertificateFacts("ab".repeat(32), "1f", "CN=Văn thư", "CN=e-Cabinet CA",
            Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z"));

    /** Named histories of one clerk's account. */
    static final UserAccountCreated CREATED = new UserAccountCreated(CLERK, "Văn thư Bộ Tài chính", "Văn thư", List.of(Role.AGENCY_CLERK), G12,
            200, null, false);
    static final UserAccountDisabled DISABLED = new UserAccountDisabled(CLERK, "Nghỉ việc");
    static final SigningCertificateIssued ISSUED = new SigningCertificateIssued(CLERK, CERTIFICATE);

    private AggregateTestFixture<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccount.class);
    }

    @Nested
    class Creation {

        @Test
        void aClerkIsCreatedWithTheirAgency() {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(CLERK, "Văn thư Bộ Tài chính", "Văn thư", List.of(Role.AGENCY_CLERK), G12, 200, null, false))
                    .expectEvents(CREATED);
        }

        @Test
        void aClerkWithoutAnAgencyIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(CLERK, "x", "x", List.of(Role.AGENCY_CLERK), null, 200, null, false))
                    .expectException(RuleViolation.class).expectNoEvents();
        }

        @Test
        void anAccountWithoutARoleIsRefused() {
            fixture.givenNoPriorActivity()
                    .when(new CreateAccount(CLERK, "x", "x", List.of(), null, 200, null, false))
                    .expectException(RuleViolation.class).expectNoEvents();
        }
    }

    @Nested
    class Roles {

        @Test
        void changedRolesAreRecordedAndTheSameRolesAgainChangeNothing() {
            fixture.given(CREATED).when(new ChangeRoles(CLERK, List.of(Role.AGENCY_CLERK, Role.AUDITOR), G12, ADMIN))
                    .expectEvents(new UserRolesChanged(CLERK, List.of(Role.AGENCY_CLERK, Role.AUDITOR), G12)).expectResultMessagePayload(1L);
            fixture.given(CREATED).when(new ChangeRoles(CLERK, List.of(Role.AGENCY_CLERK), G12, ADMIN)).expectNoEvents();
        }

        @Test
        void anAdministratorKeepsTheirOwnAdministratorRole() {
            fixture.given(new UserAccountCreated(ADMIN, "Quản trị", "Quản trị", List.of(Role.ADMIN), null, 400, null, false))
                    .when(new ChangeRoles(ADMIN, List.of(Role.AUDITOR), null, ADMIN))
                    .expectException(RuleViolation.class).expectNoEvents();
        }
    }

    @Nested
    class Disabling {

        @Test
        void aDisabledAccountIsNotDisabledTwiceNorGivenCertificates() {
            fixture.given(CREATED, DISABLED).when(new DisableAccount(CLERK, "again", ADMIN)).expectException(RuleViolation.class);
            fixture.given(CREATED, DISABLED).when(new RecordIssuedCertificate(CLERK, CERTIFICATE)).expectException(RuleViolation.class);
            fixture.given(CREATED, DISABLED).when(new EnableAccount(CLERK)).expectEvents(new UserAccountEnabled(CLERK));
        }

        @Test
        void anAdministratorDoesNotDisableThemselves() {
            fixture.given(new UserAccountCreated(ADMIN, "Quản trị", "Quản trị", List.of(Role.ADMIN), null, 400, null, false))
                    .when(new DisableAccount(ADMIN, "x", ADMIN)).expectException(RuleViolation.class).expectNoEvents();
        }
    }

    @Nested
    class Certificates {

        @Test
        void aCertificateIsBoundOnceAndRevokedOnce() {
            fixture.given(CREATED, ISSUED).when(new RecordImportedCertificate(CLERK, CERTIFICATE)).expectException(RuleViolation.class);
            fixture.given(CREATED, ISSUED).when(new RevokeCertificate(CLERK, CERTIFICATE.fingerprint(), "Mất thiết bị"))
                    .expectEvents(new SigningCertificateRevoked(CLERK, CERTIFICATE.fingerprint(), "Mất thiết bị")).expectResultMessagePayload(2L);
            fixture.given(CREATED, ISSUED, new SigningCertificateRevoked(CLERK, CERTIFICATE.fingerprint(), "x"))
                    .when(new RevokeCertificate(CLERK, CERTIFICATE.fingerprint(), "again")).expectException(RuleViolation.class);
        }

        @Test
        void aCertificateOfSomeoneElseIsUnknownHere() {
            fixture.given(CREATED).when(new RevokeCertificate(CLERK, "cd".repeat(32), "x")).expectException(NotFound.class).expectNoEvents();
        }

        @Test
        void eventsWithoutStateStillCountInTheVersionAwaited() {
            fixture.given(CREATED, new UserPasswordReset(CLERK)).when(new RecordIssuedCertificate(CLERK, CERTIFICATE))
                    .expectEvents(ISSUED).expectResultMessagePayload(2L);
        }
    }
}
