package org.ecabinet.ui.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The auditor's list of event types is the events-schema's, and every one of them is worded in both languages. */
class EventTypesTest {

    static final Path EVENTS = Path.of("../events-schema/src/main/java/org/ecabinet/events");
    static final Pattern AN_EVENT = Pattern.compile("public record \\w+\\([^{]*\\)\\s*implements \\w*Event\\b", Pattern.DOTALL);

    @Test
    void theListIsEveryEventRecordOfTheSchema() throws IOException {
        List<String> recorded;
        try (Stream<Path> sources = Files.walk(EVENTS)) {
            recorded = sources.filter(p -> p.toString().endsWith(".java")).filter(EventTypesTest::isEvent)
                    .map(p -> p.getFileName().toString().replace(".java", "")).sorted().toList();
        }
        assertThat(recorded).hasSizeGreaterThan(40);
        assertThat(EventTypes.ALL).containsExactlyInAnyOrderElementsOf(recorded);
    }

    @Test
    void everyEventIsWordedInVietnameseAndEnglish() throws IOException {
        for (String bundle : List.of("translations_vi.properties", "translations_en.properties")) {
            Properties words = new Properties();
            try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources/vaadin-i18n", bundle), StandardCharsets.UTF_8)) {
                words.load(reader);
            }
            assertThat(EventTypes.ALL).as(bundle).allSatisfy(type -> assertThat(words).containsKey("event." + type));
        }
    }

    private static boolean isEvent(Path source) {
        try {
            return AN_EVENT.matcher(Files.readString(source)).find();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
