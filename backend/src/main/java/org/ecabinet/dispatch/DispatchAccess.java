package org.ecabinet.dispatch;

import org.ecabinet.dispatch.DispatchCommands.Staff;
import org.ecabinet.identity.Actor;
import org.ecabinet.events.account.Role;
import org.ecabinet.platform.NotPermitted;

/**
 * Who sees and handles which document: the clerks of the sending organisation its outgoing document,
 * the clerks of a recipient organisation what was dispatched to it, auditors everything. The secretariat
 * acts as the clerks of the Government Office.
 */
final class DispatchAccess {

    private DispatchAccess() {
    }

    static Staff staff(Actor actor) {
        if (!actor.hasAny(Role.AGENCY_CLERK, Role.SECRETARIAT) || actor.organisationCode() == null) {
            throw new NotPermitted("Only clerks of an organisation send and receive documents.");
        }
        return new Staff(actor.id(), actor.displayName(), actor.organisationCode());
    }

    static boolean canRead(Actor actor, DocumentView view) {
        if (actor.has(Role.AUDITOR)) {
            return true;
        }
        String organ = actor.organisationCode();
        return organ != null && actor.hasAny(Role.AGENCY_CLERK, Role.SECRETARIAT)
                && (organ.equals(view.senderOrganId) || view.recipient(organ).isPresent());
    }

    static DocumentView readable(Actor actor, DocumentView view) {
        if (!canRead(actor, view)) {
            throw new NotPermitted("This document is neither sent by nor to your organisation.");
        }
        return view;
    }
}
