package org.majordome.api.room;

import java.util.Objects;

/**
 * The one rule for addressing a reply in a room: <b>one address per answer</b>. A reply is addressed to the
 * author of the message it answers by putting their nick first ({@code "alice: pong"}), unless the text already
 * names them, in which case it goes out as written: {@code "alice rolled 3 + 4"} and
 * {@code "No patting your own back, alice."} stay as they are, never {@code "alice: alice rolled 3 + 4"}.
 *
 * <p>So a plugin writes the sentence it means: either one that does not name the person ({@code "pong"}, the
 * runtime adds the address), or one that does (the runtime adds nothing). "Names" means the nick appears in the
 * text as a whole word, ignoring case: not inside a longer word ({@code "bobby"} does not name {@code bob}).
 * {@link RoomHandle#reply} and {@link org.majordome.api.command.CommandInvocation#reply} apply this rule; the
 * test kit shows the addressed texts as occupants read them.
 */
public final class Addressing {

    private Addressing() {
    }

    /** The text as it goes out to the room when it answers {@code authorNick}. */
    public static String addressed(String authorNick, String text) {
        return names(text, authorNick) ? text : authorNick + ": " + text;
    }

    /** Whether the text names the nick as a whole word (ignoring case), so that it needs no address. */
    public static boolean names(String text, String nick) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(nick, "nick");
        if (nick.isBlank()) {
            return false;
        }
        for (int at = 0; at + nick.length() <= text.length(); at++) {
            if (text.regionMatches(true, at, nick, 0, nick.length())
                    && !wordCharacterAt(text, at - 1) && !wordCharacterAt(text, at + nick.length())) {
                return true;
            }
        }
        return false;
    }

    private static boolean wordCharacterAt(String text, int index) {
        return index >= 0 && index < text.length() && Character.isLetterOrDigit(text.charAt(index));
    }
}
