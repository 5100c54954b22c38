package org.majordome.plugins.moderation;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.majordome.api.storage.PluginStorage;

/**
 * The records a join is checked against, the rooms' mutes and the shared ban list, held in memory so that a join
 * costs no storage read (two H2 reads per join were a quarter of the plugin's CPU on the kick path). Each room's
 * mutes are read once, when first needed (at start for the rooms the bot is in, see
 * {@link CaseBook#load(String)}), the ban list once; from then on {@link CaseBook}, the only writer of these
 * keys, tells this class of every write once its transaction committed. A load racing a write is safe: the
 * write's update waits for the load ({@link ConcurrentHashMap#computeIfAbsent}) and applies on top of it.
 */
final class StandingRecords {

    private static final String MUTE = "mute/";
    private static final String GLOBAL_BAN = "global-ban/";
    /** The ban list's key in {@link #bans}: the list is loaded as one. */
    private static final String ALL = "";

    private final PluginStorage storage;
    /** Per room (lower case, as the storage keys rooms): offender key → end of the mute. */
    private final Map<String, Map<String, Instant>> mutes = new ConcurrentHashMap<>();
    /** Lower-case bare JID → end of the ban, {@link Instant#MAX} for a permanent one. */
    private final Map<String, Map<String, Instant>> bans = new ConcurrentHashMap<>();

    StandingRecords(PluginStorage storage) {
        this.storage = storage;
    }

    Optional<Instant> muteUntil(String room, String offenderKey) {
        return Optional.ofNullable(mutesOf(room).get(offenderKey));
    }

    boolean globallyBanned(String bareJid, Instant now) {
        Instant until = banList().get(bareJid.toLowerCase(Locale.ROOT));
        return until != null && until.isAfter(now);
    }

    /** Reads a room's mutes now rather than on its first join. */
    void load(String room) {
        mutesOf(room);
        banList();
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
