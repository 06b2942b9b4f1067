package org.ecabinet.events.dispatch;

/** Độ khẩn, in the order of edXML's Priority codes 0–3: thường, khẩn, thượng khẩn, hỏa tốc. */
public enum Urgency { NORMAL, URGENT, VERY_URGENT, FLASH }
