package org.ecabinet.platform.storage;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;

/** mongo-java-server's H2 backend with its defaults, as a baseline for what {@link DurableH2Backend} fixes. */
public final class PlainH2Server {

    public static void main(String[] args) throws InterruptedException {
        MongoServer server = new MongoServer(new H2Backend(args[0] + "/plain.mv").version(ServerVersion.MONGO_5_0));
        var address = server.bind();
        System.out.println("LISTENING mongodb://" + address.getHostString() + ":" + address.getPort());
        Thread.currentThread().join();
    }
}
