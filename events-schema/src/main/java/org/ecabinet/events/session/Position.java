package org.ecabinet.events.session;

/** A member's position on an agenda item, recorded before the session opens. */
public enum Position { AGREE, WISH_TO_DISCUSS, OBJECT }
