package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.majordome.api.storage.KeyValueStore;
import org.majordome.api.storage.PluginStorage;
import org.majordome.api.storage.StorageChange;
import org.majordome.api.storage.StorageChangeListener;

/**
 * Several instances of the bot share the moderation's storage: the mutes, the ban list and the points each instance
 * holds in memory follow a change another instance committed at once (issue "several instances": "a {@code !pardon}
 * on one instance holds on the others at once"). The storage here is a stand-in whose entries the other instance
 * changes; its change listener is what the runtime calls when it hears of the change.
 */
class StandingRecordsTest {

    private static final String ROOM = "lobby@conference.example.org";
    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    /** The entries as the database has them: the other instance changes them here. */
    private final SortedMap<String, String> pluginWide = new TreeMap<>();
    private final SortedMap<String, String> room = new TreeMap<>();
    private final AtomicReference<StorageChangeListener> elsewhere = new AtomicReference<>();
    private final PluginStorage storage = storage();

    @Test
    void aMuteLiftedOnAnotherInstanceNoLongerHoldsHereAtOnce() {
        room.put("mute/nick:eve", NOW.plusSeconds(600).toString());
        StandingRecords records = new StandingRecords(storage);
        assertThat(records.muteUntil(ROOM, "nick:eve")).contains(NOW.plusSeconds(600));

        room.remove("mute/nick:eve");
        elsewhere.get().changed(StorageChange.of(Optional.of(ROOM), "mute/nick:eve"));

        assertThat(records.muteUntil(ROOM, "nick:eve")).isEmpty();
    }

    @Test
    void aPardonOnAnotherInstanceClearsThePointsHereAtOnce() {
        room.put("points/nick:eve", "4@" + NOW);
        StandingRecords records = new StandingRecords(storage);
        assertThat(records.points(ROOM, "points/nick:eve")).contains("4@" + NOW);

        room.remove("points/nick:eve");
        elsewhere.get().changed(StorageChange.of(Optional.of(ROOM), "points/nick:eve"));

        assertThat(records.points(ROOM, "points/nick:eve")).isEmpty();
    }

    @Test
    void aBanOrUnbanOnAnotherInstanceHoldsHereAtOnce() {
        StandingRecords records = new StandingRecords(storage);
        assertThat(records.globallyBanned("eve@example.org", NOW)).isFalse();

        pluginWide.put("global-ban/eve@example.org", "permanent spam");
        elsewhere.get().changed(StorageChange.of(Optional.empty(), "global-ban/eve@example.org"));
        assertThat(records.globallyBanned("eve@example.org", NOW)).isTrue();

        pluginWide.remove("global-ban/eve@example.org");
        elsewhere.get().changed(StorageChange.of(Optional.empty(), "global-ban/eve@example.org"));
        assertThat(records.globallyBanned("eve@example.org", NOW)).isFalse();
    }

    @Test
    void afterChangesWereMissedEveryRecordIsReadAgain() {
        room.put("mute/nick:eve", NOW.plusSeconds(600).toString());
        pluginWide.put("global-ban/eve@example.org", "permanent spam");
        StandingRecords records = new StandingRecords(storage);
        records.load(ROOM);

        room.remove("mute/nick:eve");
        pluginWide.remove("global-ban/eve@example.org");
        elsewhere.get().changed(StorageChange.EVERYTHING);

        assertThat(records.muteUntil(ROOM, "nick:eve")).isEmpty();
        assertThat(records.globallyBanned("eve@example.org", NOW)).isFalse();
    }

    @Test
    void aChangeToAnotherKeyKeepsTheRecordsHeld() {
        room.put("mute/nick:eve", NOW.plusSeconds(600).toString());
        StandingRecords records = new StandingRecords(storage);
        records.load(ROOM);

        room.remove("mute/nick:eve");
        elsewhere.get().changed(StorageChange.of(Optional.of(ROOM), "case/0000000007"));

        assertThat(records.muteUntil(ROOM, "nick:eve")).as("held in memory, not read again")
                .contains(NOW.plusSeconds(600));
    }

    /** A storage whose entries are the maps above, and which keeps the change listener the records register. */
    private PluginStorage storage() {
        KeyValueStore roomStore = (KeyValueStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {KeyValueStore.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "entries" -> under(room, (String) args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return (PluginStorage) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PluginStorage.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "room" -> roomStore;
                    case "entries" -> under(pluginWide, (String) args[0]);
                    case "onChangedElsewhere" -> {
                        elsewhere.set((StorageChangeListener) args[0]);
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Map<String, String> under(SortedMap<String, String> entries, String prefix) {
        return new TreeMap<>(entries.subMap(prefix, prefix + Character.MAX_VALUE));
    }
}
