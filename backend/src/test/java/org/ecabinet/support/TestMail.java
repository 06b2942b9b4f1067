package org.ecabinet.support;

import java.io.IOException;
import java.net.ServerSocket;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** One SMTP server (GreenMail) for the test JVM, receiving what the backend sends. */
public final class TestMail {

    public static final GreenMail SMTP = start();

    private TestMail() {
    }

    private static GreenMail start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            int port = socket.getLocalPort();
            socket.close();
            GreenMail mail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            mail.start();
            return mail;
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
