package org.ecabinet.platform.storage;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

import org.ecabinet.platform.StartupRefused;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;

/**
 * The in-process MongoDB-wire server used when no {@code CABINET_MONGODB_URI} is given: the application
 * still talks to it through the real MongoDB driver, so the code path is the production one.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);
    private static final int RETENTION_MILLIS = 10 * 60 * 1000;

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** Opens (or creates) the store in {@code dataDirectory} and listens on a free loopback port. */
    public static EmbeddedMongo start(Path dataDirectory, boolean fsync) {
        return start(dataDirectory, fsync, null);
    }

    /** Opens (or creates) the store and listens on {@code address}; null: a free loopback port. */
    public static EmbeddedMongo start(Path dataDirectory, boolean fsync, InetSocketAddress listenOn) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the data directory " + dataDirectory, e);
        }
        Path file = dataDirectory.resolve("ecabinet.mv");
        MVStore store;
        try {
            store = new MVStore.Builder().fileName(file.toString()).compress().open();
        } catch (RuntimeException damaged) {
            throw new StartupRefused("the embedded store file " + file + " cannot be opened: " + firstLine(damaged.getMessage()),
                    "The file is damaged or not a store. Restore it from a backup (with the ledger's exported checkpoints, the restore is checked at "
                            + "start-up), or move it away to start on an empty store.");
        }
        // A query reads the version of the store current when it began; H2 frees old chunks after 45 s by
        // default, and a scan of a million events took longer ("Chunk not found"). Keep them 10 minutes.
        store.setRetentionTime(RETENTION_MILLIS);
        MongoServer server = new MongoServer(new DurableH2Backend(store, fsync).version(ServerVersion.MONGO_5_0));
        InetSocketAddress address = listenOn == null ? server.bind() : bound(server, listenOn);
        log.info("Embedded MongoDB-wire server on {} with its data in {} (fsync={})", address, file, fsync);
        return new EmbeddedMongo(server, address);
    }

    private static InetSocketAddress bound(MongoServer server, InetSocketAddress address) {
        server.bind(address);
        return address;
    }

    /**
     * Whether {@code database} is served by this embedded server, here or in its own process (it answers a command of
     * its own, {@value DurableH2Backend#IDENTIFY}, which a real MongoDB refuses).
     */
    public static boolean serves(com.mongodb.client.MongoDatabase database) {
        try {
            return database.runCommand(new org.bson.Document(DurableH2Backend.IDENTIFY, 1)).get("embedded") != null;
        } catch (com.mongodb.MongoCommandException notOurs) {
            return false;
        }
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse(message);
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdown();
    }

    /**
     * Runs the store alone, as a database server that several backend nodes share ({@code CABINET_MONGODB_URI}), and for
     * the kill -9 tests: {@code <data directory> [fsync: true|false] [host:port]} (default: a free loopback port). Prints
     * {@code LISTENING <connection string>}, then serves until killed.
     */
    public static void main(String[] args) throws InterruptedException {
        if (args.length == 0) {
            System.err.println("usage: <data directory> [fsync: true|false] [host:port]");
            System.exit(2);
        }
        InetSocketAddress listenOn = null;
        if (args.length > 2) {
            int colon = args[2].lastIndexOf(':');
            listenOn = new InetSocketAddress(args[2].substring(0, colon), Integer.parseInt(args[2].substring(colon + 1)));
        }
        EmbeddedMongo mongo = start(Path.of(args[0]), args.length > 1 && Boolean.parseBoolean(args[1]), listenOn);
        System.out.println("LISTENING " + mongo.connectionString());
        System.out.flush();
        Thread.currentThread().join();
    }
}
