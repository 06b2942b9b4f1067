package org.ecabinet.events.dispatch;

/** edXML business types 1 (recall) and 2 (update). */
public enum RecallKind { RECALL, UPDATE }
