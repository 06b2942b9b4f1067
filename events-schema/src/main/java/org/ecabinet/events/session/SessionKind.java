package org.ecabinet.events.session;

public enum SessionKind { REGULAR, THEMATIC, EXTRAORDINARY }
