package org.majordome.api.room;

import java.util.Optional;

/**
 * A plugin's say on a nick before someone enters a room through a door the bot keeps itself: today the web chat's
 * nick chooser, which asks every registered check before a visitor joins, and shows the first refusal to the visitor
 * in these words (the room never sees them join). Registered with
 * {@link org.majordome.api.PluginContext#checkNicks}; the runtime asks a plugin's check only for the rooms the plugin
 * is enabled in, and forgets it when the plugin stops. People who join from their own XMPP client are not asked:
 * a plugin acts on them once they joined ({@code OccupantJoinedEvent}), as before.
 *
 * <p>Called on the visitor's thread, possibly for many visitors at once: answer from memory, quickly, and never
 * block; a check that throws is logged and counts as no objection.
 */
@FunctionalInterface
public interface NickCheck {

    /**
     * Why {@code nick} may not be used in {@code roomJid}, in words for the person who chose it (the room's
     * language); empty when this plugin has no objection.
     *
     * @param roomJid the room's bare JID, lower case
     * @param nick    the nick as the person typed it, trimmed
     */
    Optional<String> refusal(String roomJid, String nick);

    /** A registered check; closing it withdraws the check (idempotent). */
    interface Registration extends AutoCloseable {
        @Override
        void close();
    }
}
