package org.ecabinet.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.github.classgraph.ClassGraph;
import io.github.classgraph.ScanResult;

/** Every event has a schema, a revision, and its serialized form validates against the schema. */
class EventSchemaTest {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig STRICT = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    static List<Class<?>> events() {
        try (ScanResult scan = new ClassGraph().enableClassInfo().acceptPackages("org.ecabinet.events").scan()) {
            List<Class<?>> events = scan.getClassesImplementing(CabinetEvent.class).filter(c -> !c.isInterface()).loadClasses();
            assertThat(events).as("events found on the classpath").hasSizeGreaterThan(10);
            return events;
        }
    }

    @ParameterizedTest
    @MethodSource("events")
    void everyEventIsARecordWithARevision(Class<?> event) {
        assertThat(event.isRecord()).as(event + " is a record").isTrue();
        assertThat(event.getAnnotation(Revision.class)).as(event + " has @Revision").isNotNull();
    }

    @ParameterizedTest
    @MethodSource("events")
    void aSerializedSampleValidatesAgainstTheSchema(Class<?> event) throws Exception {
        JsonNode sample = JSON.valueToTree(sample(event));
        assertThat(validate(event, sample)).isEmpty();
        assertThat(JSON.treeToValue(sample, event)).as("round trip").isEqualTo(sample(event));
    }

    @ParameterizedTest
    @MethodSource("events")
    void theSchemaRejectsAMissingOrUnknownField(Class<?> event) throws Exception {
        ObjectNode missing = JSON.valueToTree(sample(event));
        missing.remove(event.getRecordComponents()[0].getName());
        assertThat(validate(event, missing)).isNotEmpty();

        ObjectNode extra = JSON.valueToTree(sample(event));
        extra.put("notInTheContract", "x");
        assertThat(validate(event, extra)).isNotEmpty();
    }

    @Test
    void everySchemaFileBelongsToAnEvent() throws Exception {
        try (ScanResult scan = new ClassGraph().acceptPaths("org/ecabinet/events").scan()) {
            List<String> schemaNames = scan.getResourcesWithExtension("json").getPaths().stream()
                    .filter(p -> p.endsWith(".schema.json"))
                    .map(p -> p.substring(p.lastIndexOf('/') + 1).replace(".schema.json", ""))
                    .toList();
            List<String> eventNames = events().stream().map(Class::getSimpleName).toList();
            assertThat(schemaNames).containsExactlyInAnyOrderElementsOf(eventNames);
        }
    }

    private static Set<ValidationMessage> validate(Class<?> event, JsonNode json) throws Exception {
        String path = event.getSimpleName() + ".schema.json";
        try (InputStream in = event.getResourceAsStream(path)) {
            assertThat(in).as("schema " + event.getPackageName() + "/" + path).isNotNull();
            JsonSchema schema = SCHEMAS.getSchema(in, STRICT);
            return schema.validate(json);
        }
    }

    /** A deterministic instance with every component set, so that the schema sees every field. */
    static Object sample(Class<?> event) throws Exception {
        RecordComponent[] components = event.getRecordComponents();
        Object[] values = Arrays.stream(components).map(c -> sampleValue(c.getType(), c.getGenericType(), c.getName())).toArray();
        Constructor<?> constructor = event.getDeclaredConstructor(Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
        return constructor.newInstance(values);
    }

    private static Object sampleValue(Class<?> type, Type generic, String name) {
        if (type == String.class) {
            return name.toLowerCase().endsWith("sha256") ? "ab".repeat(32) : name + "-sample";
        }
        if (type == Instant.class) {
            return Instant.parse("2026-11-22T08:30:00Z");
        }
        if (type == java.time.LocalDate.class) {
            return java.time.LocalDate.parse("2026-11-20");
        }
        if (type == int.class || type == Integer.class) {
            return 7;
        }
        if (type == long.class || type == Long.class) {
            return 7L;
        }
        if (type == boolean.class) {
            return true;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[type.getEnumConstants().length - 1];
        }
        if (type.isRecord()) {
            try {
                return sample(type);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        if (type == List.class) {
            Type element = ((ParameterizedType) generic).getActualTypeArguments()[0];
            if (((Class<?>) element).isEnum()) { // two different constants: a list of enums may not repeat one
                Object[] constants = ((Class<?>) element).getEnumConstants();
                return List.of(constants[0], constants[constants.length - 1]);
            }
            return Stream.of(1, 2).map(i -> sampleValue((Class<?>) element, element, name + i)).toList();
        }
        throw new IllegalArgumentException("No sample for " + type + " " + name + ": teach the test this type");
    }
}
