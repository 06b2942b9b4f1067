package org.ecabinet.events.dispatch;

/** Độ mật. Secret documents are registered but never travel over the axis. */
public enum Confidentiality { ORDINARY, SECRET }
