package org.majordome.webchat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.majordome.api.storage.PluginStorage;

/**
 * Visitors banned from a room on the web gateway, kept in the bot's storage (one namespace per room) so that a
 * ban outlives a restart. A ban holds on what {@code web.chat.ban-by} names: the visitor's cookie id, a keyed hash
 * of their address, or both; it is found again, to be lifted, by the session JID the room's moderators saw.
 *
 * <p>Who used each session is kept too (plugin-wide, for {@link #SESSION_MEMORY}): a ban that names a session after
 * the bot restarted (a moderator's {@code !ban} of someone gone, a sanction settled again) still finds the visitor.
 */
final class WebBans {

    static final String COOKIE = "cookie";
    static final String ADDRESS = "address";
    /** How long the gateway remembers who used a session, for a ban that names it later. */
    static final Duration SESSION_MEMORY = Duration.ofDays(30);
    private static final String SESSION = "session/";
    private static final String JID = "jid/";

    private final PluginStorage storage;
    private final Set<String> banBy;

    WebBans(PluginStorage storage, Set<String> banBy) {
        this.storage = storage;
        this.banBy = banBy.isEmpty() ? Set.of(COOKIE, ADDRESS) : Set.copyOf(banBy);
    }

    /** Bans the visitor {@code who} from {@code room}; {@code sessionJid} is what an unban will name. */
    void ban(String room, Visitor.Identity who, String sessionJid, String reason) {
        List<String> keys = new ArrayList<>();
        if (banBy.contains(COOKIE)) {
            keys.add(COOKIE + ":" + who.id());
        }
        if (banBy.contains(ADDRESS)) {
            keys.add(ADDRESS + ":" + who.addressHash());
        }
        var namespace = storage.room(room);
        namespace.transaction(tx -> {
            for (String key : keys) {
                tx.put("ban/" + key, reason == null ? "" : reason);
            }
            tx.put(JID + sessionJid.toLowerCase(Locale.ROOT), String.join(" ", keys));
        });
    }

    /** Whether the visitor may not enter {@code room}. */
    boolean banned(String room, Visitor.Identity who) {
        var namespace = storage.room(room);
        return namespace.get("ban/" + COOKIE + ":" + who.id()).isPresent()
                || namespace.get("ban/" + ADDRESS + ":" + who.addressHash()).isPresent();
    }

    /** Lifts the ban made on the visitor whose session was {@code sessionJid}; false when there is none. */
    boolean unban(String room, String sessionJid) {
        var namespace = storage.room(room);
        String jidKey = JID + sessionJid.toLowerCase(Locale.ROOT);
        Optional<String> keys = namespace.get(jidKey);
        if (keys.isEmpty()) {
            return false;
        }
        namespace.transaction(tx -> {
            for (String key : keys.get().split(" ")) {
                if (!key.isEmpty()) {
                    tx.delete("ban/" + key);
                }
            }
            tx.delete(jidKey);
        });
        return true;
    }

    /** Whether the session {@code sessionJid} was banned from {@code room} (its visitor is then refused). */
    boolean bannedSession(String room, String sessionJid) {
        return storage.room(room).get(JID + sessionJid.toLowerCase(Locale.ROOT)).isPresent();
    }

    /** The sessions whose visitors are banned from {@code room}: what its moderators named, full JIDs. */
    List<String> bannedSessions(String room) {
        return storage.room(room).keys(JID).stream().map(key -> key.substring(JID.length())).toList();
    }

    /** Remembers that the visitor {@code who} uses the session {@code sessionJid} (from {@code now}). */
    void remember(String sessionJid, Visitor.Identity who, Instant now) {
        storage.put(SESSION + sessionJid.toLowerCase(Locale.ROOT), who.id() + " " + who.addressHash() + " " + now);
    }

    /** Who used the session {@code sessionJid}, when it is remembered. */
    Optional<Visitor.Identity> whoUsed(String sessionJid) {
        return storage.get(SESSION + sessionJid.toLowerCase(Locale.ROOT)).map(value -> value.split(" "))
                .filter(parts -> parts.length >= 2).map(parts -> new Visitor.Identity(parts[0], parts[1]));
    }

    /** Forgets the sessions first used before {@code horizon}; returns how many. */
    int forgetSessionsBefore(Instant horizon) {
        int forgotten = 0;
        for (var entry : storage.entries(SESSION).entrySet()) {
            String[] parts = entry.getValue().split(" ");
            if (parts.length < 3 || Instant.parse(parts[2]).isBefore(horizon)) {
                storage.delete(entry.getKey());
                forgotten++;
            }
        }
        return forgotten;
    }
}
