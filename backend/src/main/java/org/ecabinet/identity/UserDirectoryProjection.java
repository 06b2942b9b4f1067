package org.ecabinet.identity;

import java.util.Set;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.ecabinet.events.account.AccountEvent;
import org.ecabinet.events.account.UserAccountCreated;
import org.ecabinet.events.account.UserAccountDisabled;
import org.ecabinet.events.account.UserAccountEnabled;
import org.ecabinet.events.account.UserRolesChanged;
import org.springframework.stereotype.Component;

/**
 * The user directory from the account events. Each entry records the sequence number of the last event it
 * shows and ignores any event it already shows, so a batch handled again after a restart changes nothing.
 * Not a replayable {@code Projection}: emptied for a replay, nobody could sign in until it was rebuilt.
 */
@Component
@ProcessingGroup(UserDirectoryProjection.PROCESSING_GROUP)
class UserDirectoryProjection {

    static final String PROCESSING_GROUP = "user-directory";

    private final Users users;
    private final ActiveUsers active;

    UserDirectoryProjection(Users users, ActiveUsers active) {
        this.users = users;
        this.active = active;
    }

    @EventHandler
    void on(UserAccountCreated event, @SequenceNumber long version) {
        users.created(new CabinetUser(event.userId(), event.displayName(), event.title(), Set.copyOf(event.roles()), event.organisationCode(),
                event.rank(), event.demo(), null, event.email(), true, false), version);
        active.forget(event.userId());
    }

    @EventHandler
    void on(UserRolesChanged event, @SequenceNumber long version) {
        changed(event, version, Users.roles(event.roles(), event.organisationCode()));
    }

    @EventHandler
    void on(UserAccountDisabled event, @SequenceNumber long version) {
        changed(event, version, Users.disabled(true));
    }

    @EventHandler
    void on(UserAccountEnabled event, @SequenceNumber long version) {
        changed(event, version, Users.disabled(false));
    }

    /** Passwords and certificates are kept elsewhere; the entry still moves to the account's latest version, which requests await. */
    @EventHandler
    void on(AccountEvent event, @SequenceNumber long version) {
        changed(event, version, Users.unchanged());
    }

    private void changed(AccountEvent event, long version, org.bson.conversions.Bson update) {
        users.changed(event.userId(), version, update);
        active.forget(event.userId());
    }
}
