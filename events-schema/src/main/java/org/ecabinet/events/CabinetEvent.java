package org.ecabinet.events;

/**
 * Every event of e-Cabinet. Each implementation is an immutable record with a JSON Schema beside it
 * ({@code <EventName>.schema.json} in the same package on the classpath) and an Axon {@code @Revision}.
 */
public interface CabinetEvent {
}
