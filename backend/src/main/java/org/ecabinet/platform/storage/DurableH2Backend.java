package org.ecabinet.platform.storage;

import java.util.Set;

import org.h2.mvstore.MVStore;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * The H2 backend of mongo-java-server, made durable: H2's MVStore only writes its changes to the file
 * every second by default, so a {@code kill -9} lost thousands of acknowledged writes. Here every write
 * command is committed to the file before the server acknowledges it; with {@code fsync} it is also
 * forced to the disk, which survives a power loss, not just a killed process.
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = Set.of(
            "insert", "update", "delete", "findandmodify", "create", "createindexes",
            "drop", "dropindexes", "dropdatabase", "renamecollection");

    private final MVStore store;
    private final boolean fsync;

    DurableH2Backend(MVStore store, boolean fsync) {
        super(store);
        this.store = store;
        this.fsync = fsync;
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        Document response = super.handleCommand(channel, database, command, query);
        if (WRITE_COMMANDS.contains(command.toLowerCase())) {
            store.commit();
            if (fsync) {
                store.sync();
            }
        }
        return response;
    }
}
