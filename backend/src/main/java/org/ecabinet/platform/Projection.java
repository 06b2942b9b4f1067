package org.ecabinet.platform;

/**
 * A query model that a tracking processor builds from the events and that can be rebuilt from them: its
 * processing group and the collection that holds it. Auditors replay these (and only these: processors
 * with side effects, such as notifications, are not projections).
 */
public interface Projection {

    String processingGroup();

    String collection();
}
