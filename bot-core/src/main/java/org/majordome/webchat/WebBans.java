package org.majordome.webchat;

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
 */
final class WebBans {

    static final String COOKIE = "cookie";
    static final String ADDRESS = "address";

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
            tx.put("jid/" + sessionJid.toLowerCase(Locale.ROOT), String.join(" ", keys));
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
        String jidKey = "jid/" + sessionJid.toLowerCase(Locale.ROOT);
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
}
