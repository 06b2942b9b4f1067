package org.ecabinet.audit;

/** Who vouches for a checkpoint: a seal (a signature of the system) and a time-stamp from a time-stamping authority. */
interface Notary {

    /** A detached CMS signature of {@code content}. */
    byte[] seal(byte[] content);

    /** Why the seal does not hold, or null when it does. */
    String checkSeal(byte[] content, byte[] seal);

    /** An RFC 3161 time-stamp token over a SHA-256 digest. */
    byte[] stamp(byte[] sha256);

    /** Why the time-stamp does not hold for this digest, or null when it does. */
    String checkStamp(byte[] token, byte[] sha256);
}
