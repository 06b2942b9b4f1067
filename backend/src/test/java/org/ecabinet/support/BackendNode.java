package org.ecabinet.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.ecabinet.CabinetApplication;

/**
 * A backend node in a JVM of its own on a shared store, as a deployment runs several: killed for real by
 * {@link #kill()}. Every node of one test shares the store, the master key file and the ledger's export directory.
 */
public final class BackendNode implements AutoCloseable {

    private static final Pattern STARTED = Pattern.compile("Backend node \\S+ is ready");

    private final String name;
    private final int port;
    private final ChildJvm jvm;

    private BackendNode(String name, int port, ChildJvm jvm) {
        this.name = name;
        this.port = port;
        this.jvm = jvm;
    }

    /** Starts a node with the demo data (seeded once on the store: the second node finds it) and waits until it serves. */
    public static BackendNode start(String name, String storeUri, Path shared) throws Exception {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=" + port,
                "--spring.profiles.active=demo",
                "--cabinet.mongodb.uri=" + storeUri,
                "--cabinet.secrets.key-file=" + shared.resolve("keys").resolve("master.key"),
                "--cabinet.ledger.export-directory=" + shared.resolve("ledger-export"),
                "--cabinet.ledger.fold-interval=PT0.2S",
                "--cabinet.ledger.checkpoint-interval=PT1S",
                "--cabinet.ledger.gap-timeout=PT5S",
                "--cabinet.ballots.reminders=PT24H",
                "--logging.level.root=WARN",
                "--logging.level.org.ecabinet=INFO"));
        ChildJvm jvm = ChildJvm.start(CabinetApplication.class, STARTED, shared.resolve("node-" + name + ".log"), args.toArray(String[]::new));
        jvm.awaitReady(Duration.ofMinutes(3));
        return new BackendNode(name, port, jvm);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public String name() {
        return name;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The process id, as Axon names a node in its token claims ({@code pid@host}). */
    public long pid() {
        return jvm.pid();
    }

    public boolean alive() {
        return jvm.alive();
    }

    /** SIGKILL: nothing of the node runs after this, no shutdown hook, no lease given back. */
    public void kill() throws InterruptedException {
        jvm.kill();
    }

    /** SIGTERM, as an orchestrator stops a node; false when it still runs after {@code within}. */
    public boolean stop(java.time.Duration within) throws InterruptedException {
        return jvm.terminate(within);
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}
