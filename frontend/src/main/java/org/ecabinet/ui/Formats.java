package org.ecabinet.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How times are shown: Hanoi time, the way Vietnamese documents write it. */
public final class Formats {

    public static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(HANOI);

    private Formats() {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public static String day(java.time.LocalDate date) {
        return date == null ? "" : DAY.format(date);
    }

    /** A date and time entered in Hanoi time, as an instant. */
    public static Instant instant(java.time.LocalDateTime hanoiTime) {
        return hanoiTime.atZone(HANOI).toInstant();
    }

    /** An instant as the date and time in Hanoi, for a picker. */
    public static java.time.LocalDateTime hanoi(Instant instant) {
        return instant == null ? null : java.time.LocalDateTime.ofInstant(instant, HANOI);
    }

    public static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /** A value the backend sent as text: an ISO instant in Hanoi time, anything else as it is. */
    public static String value(String text) {
        try {
            return when(Instant.parse(text));
        } catch (java.time.format.DateTimeParseException notATime) {
            return text;
        }
    }
}
