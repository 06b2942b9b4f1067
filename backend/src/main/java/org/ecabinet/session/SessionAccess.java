package org.ecabinet.session;

import org.ecabinet.identity.Actor;
import org.ecabinet.events.account.Role;

/**
 * Who may read a session: the secretariat, the chair and auditors always; members of its roster and
 * invited guests once it is published. Nobody else sees its papers.
 */
final class SessionAccess {

    private SessionAccess() {
    }

    static boolean canRead(Actor actor, SessionRoom room) {
        if (actor.hasAny(Role.SECRETARIAT, Role.AUDITOR) || actor.id().equals(room.chairId)) {
            return true;
        }
        return room.published && room.isInvited(actor.id());
    }
}
