package org.ecabinet.platform.idempotency;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.ecabinet.platform.cluster.ClusterNodes;
import org.ecabinet.platform.storage.StoredEvents;
import org.ecabinet.support.EmbeddedStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.client.MongoDatabase;

class RequestRecordsTest {

    @RegisterExtension
    final EmbeddedStore store = new EmbeddedStore();
    RequestRecords records;

    @BeforeEach
    void start() {
        MongoDatabase database = store.database("records");
        records = new RequestRecords(database, new ClusterNodes(database, Clock.systemUTC()), new StoredEvents(database, true), Clock.systemUTC(),
                Duration.ofDays(1));
    }

    private static RequestKey key(String key) {
        return RequestKey.of("member05", key, "PUT", "/api/ballots/b-1/answers/mine", "body-digest");
    }

    @Test
    void ofEightTriesSentAtOnceExactlyOneRunsAndTheOthersAreToldToWait() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch together = new CountDownLatch(1);
        List<Future<RequestRecords.Begun>> tries = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            tries.add(pool.submit(() -> {
                together.await();
                return records.begin(key("same-key"));
            }));
        }
        together.countDown();
        List<RequestRecords.Begun> begun = new ArrayList<>();
        for (Future<RequestRecords.Begun> attempt : tries) {
            begun.add(attempt.get());
        }
        pool.shutdown();

        assertThat(begun).filteredOn(RequestRecords.Begun.Run.class::isInstance).hasSize(1);
        assertThat(begun).filteredOn(RequestRecords.Begun.InProgress.class::isInstance).hasSize(7);
    }

    @Test
    void aRetryGetsTheFirstAnswerWholeAndALargeAnswerWithoutItsBody() {
        records.begin(key("small"));
        records.answered(key("small"), 201, "application/json", "/api/sessions/s-1", "{\"id\":\"s-1\"}".getBytes());
        records.begin(key("large"));
        records.answered(key("large"), 200, "application/pdf", null, new byte[RequestRecords.MAX_BODY + 1]);

        RequestRecords.Begun.Answered small = (RequestRecords.Begun.Answered) records.begin(key("small"));
        RequestRecords.Begun.Answered large = (RequestRecords.Begun.Answered) records.begin(key("large"));

        assertThat(small.status()).isEqualTo(201);
        assertThat(small.location()).isEqualTo("/api/sessions/s-1");
        assertThat(new String(small.body())).isEqualTo("{\"id\":\"s-1\"}");
        assertThat(large.status()).isEqualTo(200);
        assertThat(large.body()).as("not kept").isNull();
    }

    @Test
    void anAnswerOf5xxLeavesTheOutcomeOpenAndTheRetryRunsWhenNothingWasStored() {
        records.begin(key("failed"));
        records.answered(key("failed"), 503, "application/problem+json", null, new byte[0]);

        assertThat(records.begin(key("failed"))).isInstanceOf(RequestRecords.Begun.Run.class);
    }
}
