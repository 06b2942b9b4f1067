package org.ecabinet.ui.session;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.ecabinet.ui.session.SessionModels.AgendaItem;
import org.ecabinet.ui.session.SessionModels.SessionRoom;

/** What happened between two states of a room that everyone in it should be told: a short notice each. */
final class RoomNotices {

    record Notice(String key, Object... arguments) {
    }

    private RoomNotices() {
    }

    static List<Notice> between(SessionRoom before, SessionRoom after) {
        List<Notice> notices = new ArrayList<>();
        if (!before.status().equals(after.status())) {
            notices.add(new Notice("notice.status." + after.status()));
        }
        for (AgendaItem item : after.agenda()) {
            AgendaItem was = before.agenda().stream().filter(i -> i.itemId().equals(item.itemId())).findFirst().orElse(null);
            if (was == null) {
                continue;
            }
            boolean openNow = item.vote() != null && item.vote().open();
            boolean openBefore = was.vote() != null && was.vote().open();
            if (openNow && !openBefore) {
                notices.add(new Notice("notice.voteOpened", item.title()));
            } else if (!openNow && openBefore) {
                notices.add(new Notice(Boolean.TRUE.equals(item.vote().passed()) ? "notice.votePassed" : "notice.voteRejected", item.title()));
            }
            if ("ADOPTED_WITHOUT_DISCUSSION".equals(item.outcome()) && !Objects.equals(item.outcome(), was.outcome())) {
                notices.add(new Notice("notice.adopted", item.title()));
            }
        }
        return notices;
    }
}
