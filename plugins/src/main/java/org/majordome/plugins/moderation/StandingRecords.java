package org.majordome.plugins.moderation;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.majordome.api.storage.PluginStorage;
import org.majordome.api.storage.StorageChange;

/**
 * The records a join is checked against, the rooms' mutes and the shared ban list, held in memory so that a join
 * costs no storage read (two H2 reads per join were a quarter of the plugin's CPU on the kick path); and the
 * offenders' points, so that deciding a sanction costs none either (the read was part of the 1.0 ms between the
 * handler's start and the case's commit, of the 3.4 ms between a spam and its kick on an idle machine, RESULTS.md
 * §13). Each room's mutes and points are read once, when first
 * needed (at start for the rooms the bot is in, see {@link CaseBook#load(String)}), the ban list once; from then on
 * {@link CaseBook}, the only writer of these keys, tells this class of every write once its transaction
 * committed. A load racing a write is safe: the write's update waits for the load
 * ({@link ConcurrentHashMap#computeIfAbsent}) and applies on top of it.
 *
 * <p>Several instances of the bot share the storage (a cluster): a mute, ban or pardon written on another instance is
 * heard through {@link PluginStorage#onChangedElsewhere} once committed, and the records it touches are dropped here,
 * to be read again at their next use (a room's mutes or points, or the ban list), so that a pardon on one instance
 * holds on every other at once. A drop racing a load waits for it, like a write, and then drops what it read.
 */
final class StandingRecords {

    private static final String MUTE = "mute/";
    private static final java.util.List<String> POINTS = java.util.List.of("points/", "dry-points/");
    private static final String GLOBAL_BAN = "global-ban/";
    /** The ban list's key in {@link #bans}: the list is loaded as one. */
    private static final String ALL = "";

    private final PluginStorage storage;
    /** Per room (lower case, as the storage keys rooms): offender key → end of the mute. */
    private final Map<String, Map<String, Instant>> mutes = new ConcurrentHashMap<>();
    /** Per room (lower case): points key ({@code points/<offender>}, {@code dry-points/<offender>}) → stored record. */
    private final Map<String, Map<String, String>> points = new ConcurrentHashMap<>();
    /** Lower-case bare JID → end of the ban, {@link Instant#MAX} for a permanent one. */
    private final Map<String, Map<String, Instant>> bans = new ConcurrentHashMap<>();

    StandingRecords(PluginStorage storage) {
        this.storage = storage;
        storage.onChangedElsewhere(this::changedElsewhere);
    }

    /** Another instance changed the storage: what it touched is read again at its next use. */
    void changedElsewhere(StorageChange change) {
        if (change.everything()) {
            mutes.clear();
            points.clear();
            bans.clear();
            return;
        }
        if (change.roomJid().isEmpty()) {
            if (change.concerns(GLOBAL_BAN)) {
                bans.remove(ALL);
            }
            return;
        }
        String room = change.roomJid().get();
        if (change.concerns(MUTE)) {
            mutes.remove(room);
        }
        if (POINTS.stream().anyMatch(change::concerns)) {
            points.remove(room);
        }
    }

    Optional<Instant> muteUntil(String room, String offenderKey) {
        return Optional.ofNullable(mutesOf(room).get(offenderKey));
    }

    boolean globallyBanned(String bareJid, Instant now) {
        Instant until = banList().get(bareJid.toLowerCase(Locale.ROOT));
        return until != null && until.isAfter(now);
    }

    /** Reads a room's mutes and points now rather than on its first join or offence. */
    void load(String room) {
        mutesOf(room);
        pointsOf(room);
        banList();
    }

    /** The stored points record under {@code key} ({@code points/<offender>} or {@code dry-points/<offender>}). */
    Optional<String> points(String room, String key) {
        return Optional.ofNullable(pointsOf(room).get(key));
    }

    void pointsStored(String room, String key, String record) {
        pointsOf(room).put(key, record);
    }

    void pointsDeleted(String room, String key) {
        pointsOf(room).remove(key);
    }

    void muted(String room, String offenderKey, Instant until) {
        mutesOf(room).put(offenderKey, until);
    }

    void unmuted(String room, String offenderKey) {
        mutesOf(room).remove(offenderKey);
    }

    void banned(String bareJid, Optional<Instant> until) {
        banList().put(bareJid.toLowerCase(Locale.ROOT), until.orElse(Instant.MAX));
    }

    void unbanned(String bareJid) {
        banList().remove(bareJid.toLowerCase(Locale.ROOT));
    }

    private Map<String, Instant> mutesOf(String room) {
        return mutes.computeIfAbsent(room.strip().toLowerCase(Locale.ROOT), key -> {
            Map<String, Instant> loaded = new ConcurrentHashMap<>();
            storage.room(key).entries(MUTE).forEach((name, until) ->
                    loaded.put(name.substring(MUTE.length()), Instant.parse(until)));
            return loaded;
        });
    }

    private Map<String, String> pointsOf(String room) {
        return points.computeIfAbsent(room.strip().toLowerCase(Locale.ROOT), key -> {
            Map<String, String> loaded = new ConcurrentHashMap<>();
            POINTS.forEach(prefix -> loaded.putAll(storage.room(key).entries(prefix)));
            return loaded;
        });
    }

    private Map<String, Instant> banList() {
        return bans.computeIfAbsent(ALL, all -> {
            Map<String, Instant> loaded = new ConcurrentHashMap<>();
            storage.entries(GLOBAL_BAN).forEach((name, entry) -> loaded.put(name.substring(GLOBAL_BAN.length()),
                    banEnd(entry)));
            return loaded;
        });
    }

    /** A stored ban is {@code <end or "permanent"> <reason>}. */
    static Instant banEnd(String entry) {
        String until = entry.split(" ", 2)[0];
        return until.equals("permanent") ? Instant.MAX : Instant.parse(until);
    }
}
