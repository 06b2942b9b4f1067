package org.ecabinet.ui.session;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How times are shown: Hanoi time, the way Vietnamese documents write it. */
final class Formats {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm, dd/MM/yyyy").withZone(HANOI);

    private Formats() {
    }

    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }
}
