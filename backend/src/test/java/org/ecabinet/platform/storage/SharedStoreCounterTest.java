package org.ecabinet.platform.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;

/**
 * Several backends on one embedded store each have their own connections: the counter of global indexes must hand
 * out every value once, whichever connection asks, as a real mongod's findAndModify does.
 */
class SharedStoreCounterTest {

    static final int CLIENTS = 4;
    static final int INCREMENTS = 300;

    @Test
    void findAndModifyIncrementsAreAtomicAcrossConnections(@TempDir Path dir) throws Exception {
        try (EmbeddedMongo store = EmbeddedMongo.start(dir, false)) {
            List<MongoClient> clients = new ArrayList<>();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS * 2);
            Set<Long> handedOut = ConcurrentHashMap.newKeySet();
            try {
                List<Future<Integer>> work = new ArrayList<>();
                for (int c = 0; c < CLIENTS * 2; c++) {
                    MongoClient client = MongoClients.create(store.connectionString());
                    clients.add(client);
                    MongoCollection<Document> counters = client.getDatabase("shared").getCollection("event_counters");
                    work.add(pool.submit(() -> {
                        int duplicates = 0;
                        for (int i = 0; i < INCREMENTS; i++) {
                            Document after = counters.findOneAndUpdate(Filters.eq("_id", "global"), Updates.inc("next", 1L),
                                    new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                            if (!handedOut.add(StoredNumbers.longOf(after, "next"))) {
                                duplicates++;
                            }
                        }
                        return duplicates;
                    }));
                }
                int duplicates = 0;
                for (Future<Integer> done : work) {
                    duplicates += done.get();
                }
                long total = (long) CLIENTS * 2 * INCREMENTS;
                assertThat(duplicates).as("values handed out twice").isZero();
                assertThat(new TreeSet<>(handedOut)).as("every value from 1 to %d once", total).hasSize((int) total)
                        .first().isEqualTo(1L);
                assertThat(IndexAllocator.next(clients.get(0).getDatabase("shared").getCollection("event_counters"))).isEqualTo(total);
            } finally {
                pool.shutdownNow();
                clients.forEach(MongoClient::close);
            }
        }
    }
}
