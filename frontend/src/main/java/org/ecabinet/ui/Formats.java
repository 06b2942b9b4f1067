package org.ecabinet.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How times are shown: Hanoi time, the way Vietnamese documents write it. */
public final class Formats {

    public static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm, dd/MM/yyyy").withZone(HANOI);

    private Formats() {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public static String day(java.time.LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    public static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }
}
