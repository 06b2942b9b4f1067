package org.ecabinet.platform.web;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;

/** Request and response bodies joined into one buffer, as bytes. */
public final class Buffers {

    private Buffers() {
    }

    /** The buffer's bytes; the buffer is released. */
    public static byte[] bytes(DataBuffer joined) {
        byte[] bytes = new byte[joined.readableByteCount()];
        joined.read(bytes);
        DataBufferUtils.release(joined);
        return bytes;
    }
}
