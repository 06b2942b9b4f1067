package org.ecabinet.identity;

import org.ecabinet.platform.StartupRefused;
import org.ecabinet.platform.storage.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo profile's guard. Demo users share one published password, so demo data goes only into a store
 * made for it: one that was empty when the demo profile first started on it (it is then marked as a demo
 * store). A store holding anyone else is refused, whatever the profile says. Every demo seeder depends on
 * this bean, so none runs before the check.
 */
@Component
@Profile("demo")
public class DemoStore {

    private static final Logger log = LoggerFactory.getLogger(DemoStore.class);
    private static final String MARK = "store.demo";

    DemoStore(Settings settings, Users users) {
        if (settings.get(MARK).isPresent()) {
            return;
        }
        // A store of an earlier version seeded with demo users only is a demo store too.
        if (!users.all().stream().allMatch(CabinetUser::demo)) {
            throw new StartupRefused("the demo profile is on, but this store holds real users: demo accounts share a published password "
                    + "and are never added to such a store.",
                    "Start without the demo profile (remove 'demo' from SPRING_PROFILES_ACTIVE), or give the demo its own empty store.");
        }
        settings.putIfAbsent(MARK, "true");
        log.info("This store is a demo store: demo users (one shared password), sessions, a ballot and documents are seeded.");
    }
}
