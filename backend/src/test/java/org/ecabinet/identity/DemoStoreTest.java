package org.ecabinet.identity;

import org.ecabinet.events.account.Role;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;

import org.ecabinet.platform.StartupRefused;
import org.ecabinet.platform.storage.Settings;
import org.ecabinet.support.EmbeddedStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.mongodb.client.MongoDatabase;

/** Demo accounts share a published password: the demo profile never adds them to a store that holds real users. */
class DemoStoreTest {

    @RegisterExtension
    final EmbeddedStore store = new EmbeddedStore();
    MongoDatabase database;

    @BeforeEach
    void start() {
        database = store.database("demo-guard");
    }

    @Test
    void anEmptyStoreBecomesADemoStoreAndStaysOne() {
        new DemoStore(new Settings(database), new Users(database, new Credentials(database)));
        new Users(database, new Credentials(database)).save(user("admin", false));
        new DemoStore(new Settings(database), new Users(database, new Credentials(database))); // marked: later real users do not undo the mark
        assertThat(new Settings(database).get("store.demo")).contains("true");
    }

    @Test
    void aStoreWithRealUsersIsRefused() {
        new Users(database, new Credentials(database)).save(user("nguyen.van.a", false));
        assertThatThrownBy(() -> new DemoStore(new Settings(database), new Users(database, new Credentials(database))))
                .isInstanceOf(StartupRefused.class).hasMessageContaining("holds real users");
        assertThat(new Settings(database).get("store.demo")).isEmpty();
    }

    @Test
    void aStoreOfAnEarlierVersionSeededWithDemoUsersOnlyIsADemoStore() {
        new Users(database, new Credentials(database)).save(user("member05", true));
        new DemoStore(new Settings(database), new Users(database, new Credentials(database)));
        assertThat(new Settings(database).get("store.demo")).contains("true");
    }

    private static CabinetUser user(String id, boolean demo) {
        return new CabinetUser(id, id, "", Set.of(Role.ADMIN), null, 1, demo, "x", null, true, false);
    }
}
