package org.ecabinet.ballot;

import org.ecabinet.identity.Actor;
import org.ecabinet.events.account.Role;
import org.ecabinet.platform.NotPermitted;

/**
 * Who sees what of a ballot: the secretariat and auditors everything; an eligible member the ballot and
 * their own answer, and everyone's answers and the tally once it is closed; nobody else anything.
 */
final class BallotAccess {

    private BallotAccess() {
    }

    static boolean canRead(Actor actor, BallotView view) {
        return seesEverything(actor, view) || view.isEligible(actor.id());
    }

    static boolean seesEverything(Actor actor, BallotView view) {
        return actor.hasAny(Role.SECRETARIAT, Role.AUDITOR) || (view.isEligible(actor.id()) && view.status == BallotStatus.CLOSED);
    }

    /** The view as this actor may see it; throws when the actor may not see it at all. */
    static BallotView shape(Actor actor, BallotView view) {
        if (!canRead(actor, view)) {
            throw new NotPermitted("You are not among the members consulted by this ballot.");
        }
        if (seesEverything(actor, view)) {
            return view;
        }
        return view.forMember(actor.id());
    }
}
