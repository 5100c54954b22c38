package org.majordome.api.text;

import java.util.Map;

import org.majordome.api.command.CommandInvocation;
import org.majordome.api.room.RoomHandle;

/**
 * One plugin's message bundles, and the choice of language for each audience (see the package documentation).
 * Given by {@link org.majordome.api.PluginContext#texts()}.
 *
 * <pre>{@code
 * invocation.reply(context.texts().format(invocation, "pong"));
 * room.send(context.texts().format(room, "reminder", title, start));
 * }</pre>
 */
public interface Texts {

    /** For the whole room: its language, its time zone, the keepers' replacements. */
    Wording in(RoomHandle room);

    /**
     * For the answer {@link CommandInvocation#reply} gives: the room's wording in the room, the sender's language
     * (else the room's, else the bot's) in a private or one-to-one chat.
     */
    Wording replyTo(CommandInvocation invocation);

    /** For the answer {@link CommandInvocation#replyPrivately} gives: the sender's language, else the room's or the bot's. */
    Wording privatelyTo(CommandInvocation invocation);

    /**
     * For one occupant, privately through the room: the language their messages declared, else the room's.
     *
     * @param nick the occupant's current nick
     */
    Wording privatelyTo(RoomHandle room, String nick);

    /**
     * For a user in a one-to-one chat: the language their messages declared, else the bot's.
     *
     * @param jid a full or bare JID
     */
    Wording toUser(String jid);

    /**
     * For a user in a one-to-one chat about a room (a reminder they subscribed to there, the notice of a
     * sanction): the language their messages declared, else the room's; times in the room's zone.
     */
    Wording toUser(String jid, RoomHandle about);

    /**
     * For an audience whose language the runtime already chose (an administrator's ad-hoc command:
     * {@link org.majordome.api.admin.AdminRequest#language()}): that language, the bot's time zone, no room's
     * replacements.
     */
    Wording inLanguage(java.util.Locale language);

    /** For the bot's own default audience (logs people read, an administrator's answer): the bot's language. */
    Wording byDefault();

    /** Shorthand for {@code in(room).format(key, args)}. */
    default String format(RoomHandle room, String key, Object... args) {
        return in(room).format(key, args);
    }

    /** Shorthand for {@code in(room).format(key, args)} with named placeholders. */
    default String format(RoomHandle room, String key, Map<String, ?> args) {
        return in(room).format(key, args);
    }

    /** Shorthand for {@code replyTo(invocation).format(key, args)}. */
    default String format(CommandInvocation invocation, String key, Object... args) {
        return replyTo(invocation).format(key, args);
    }
}
