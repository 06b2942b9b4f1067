package org.ecabinet.platform.storage;

import org.ecabinet.platform.secrets.MasterKey;

/**
 * Every event is authenticated when it is written: its {@code mac} is an HMAC of its hash under a key
 * derived from the master key, which the database does not hold. Whoever can write to the database can
 * append an event with a correct hash chain and a bumped counter, but not with a MAC that holds; the
 * integrity check, the ledger and the inclusion proofs refuse such an event.
 * <p>
 * Stores written before events carried a MAC are authenticated from the index at which this version first
 * started on them ({@code fromGlobal}); that index is itself kept with a MAC, so it cannot be moved.
 */
public final class EventAuthenticity {

    private static final String PURPOSE = "event";
    private static final String FROM_SETTING = "events.authenticated-from";

    private final MasterKey key;
    private final long fromGlobal;

    public EventAuthenticity(MasterKey key, long fromGlobal) {
        this.key = key;
        this.fromGlobal = fromGlobal;
    }

    /** Reads (or, on a store's first start with this version, records) from which index events carry a MAC. */
    static EventAuthenticity of(MasterKey key, Settings settings, long allocated) {
        String proposed = allocated + ":" + key.mac(FROM_SETTING, String.valueOf(allocated));
        settings.putIfAbsent(FROM_SETTING, proposed);
        String[] kept = settings.get(FROM_SETTING).orElse(proposed).split(":", 2);
        // A value that does not hold (edited to exempt more events) exempts none.
        long from = kept.length == 2 && kept[0].matches("\\d{1,18}") && key.verifies(FROM_SETTING, kept[0], kept[1]) ? Long.parseLong(kept[0]) : 0;
        return new EventAuthenticity(key, from);
    }

    String mac(String eventHash) {
        return key.mac(PURPOSE, eventHash);
    }

    /** Whether the event is what a writer holding the key stored: its MAC holds over its stored hash. */
    public boolean holds(StoredEvents.StoredEvent event) {
        return event.global() < fromGlobal || (event.hash() != null && key.verifies(PURPOSE, event.hash(), event.mac()));
    }

    public long fromGlobal() {
        return fromGlobal;
    }
}
