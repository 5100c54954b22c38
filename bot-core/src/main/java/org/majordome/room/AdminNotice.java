package org.majordome.room;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.majordome.api.text.Wording;

/**
 * A notice to the bot's administrators, as a text of the runtime's bundle and its arguments: it is written when it
 * is sent, in the bot's language ({@code runtime.language}), since administrators read it outside any room.
 *
 * @param key  the text's key in the runtime's bundle
 * @param args its arguments
 */
public record AdminNotice(String key, List<Object> args) {

    public AdminNotice {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static AdminNotice of(String key, Object... args) {
        return new AdminNotice(key, Arrays.asList(args));
    }

    /** The notice in that wording's language. */
    public String in(Wording wording) {
        return wording.format(key, args.toArray());
    }
}
