package org.ecabinet.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Every machine code the backend can refuse with is worded in both bundles, with the same named arguments in each:
 * a code without its sentence would reach an official as "an unknown problem".
 */
class ProblemTranslationsTest {

    static final Path BACKEND_SOURCES = Path.of("../backend/src/main/java");
    static final Path BUNDLES = Path.of("src/main/resources/vaadin-i18n");
    /** A code as the first argument of a refusal, or after the message of {@code NotPermitted} and {@code InvalidInput}. */
    static final Pattern CODE = Pattern.compile(
            "new (?:RuleViolation|NotPermitted|NotFound|InvalidInput)\\((?:\"[a-zA-Z]+\", )?\"([a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+)\"|new NotPermitted\\(\"[^\"]*\", \"([a-z0-9.-]+)\"\\)");
    static final Pattern ARGUMENT = Pattern.compile("\\{([a-zA-Z]+)}");

    @Test
    void everyRefusalCodeOfTheBackendIsWordedInVietnameseAndEnglish() throws IOException {
        Set<String> codes = backendCodes();
        assertThat(codes).as("the scan finds the backend's codes").hasSizeGreaterThan(50).contains("session.vote-open", "signing.wrong-pin");
        Properties vietnamese = bundle("translations_vi.properties");
        Properties english = bundle("translations_en.properties");
        assertThat(codes).allSatisfy(code -> {
            assertThat(vietnamese).as("Vietnamese for %s", code).containsKey("problem." + code);
            assertThat(english).as("English for %s", code).containsKey("problem." + code);
        });
    }

    @Test
    void bothLanguagesNameTheSameArguments() throws IOException {
        Properties vietnamese = bundle("translations_vi.properties");
        Properties english = bundle("translations_en.properties");
        Map<String, Set<String>> differing = new TreeMap<>();
        for (String key : vietnamese.stringPropertyNames()) {
            if (key.startsWith("problem.") && !arguments(vietnamese.getProperty(key)).equals(arguments(english.getProperty(key, "")))) {
                differing.put(key, arguments(vietnamese.getProperty(key)));
            }
        }
        assertThat(differing).isEmpty();
        assertThat(arguments(vietnamese.getProperty("problem.session.vote-open"))).containsExactly("item");
    }

    @Test
    void theDefaultBundleIsTheVietnameseOne() throws IOException {
        assertThat(bundle("translations.properties")).isEqualTo(bundle("translations_vi.properties"));
    }

    private static Set<String> backendCodes() throws IOException {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(BACKEND_SOURCES)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher found = CODE.matcher(Files.readString(source));
                while (found.find()) {
                    codes.add(found.group(1) != null ? found.group(1) : found.group(2));
                }
            }
        }
        return codes;
    }

    private static Set<String> arguments(String sentence) {
        Set<String> names = new TreeSet<>();
        Matcher found = ARGUMENT.matcher(sentence);
        while (found.find()) {
            names.add(found.group(1));
        }
        return names;
    }

    private static Properties bundle(String name) throws IOException {
        Properties bundle = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            bundle.load(reader);
        }
        return bundle;
    }
}
