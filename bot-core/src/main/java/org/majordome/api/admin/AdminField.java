package org.majordome.api.admin;

import java.util.List;
import java.util.Objects;

/**
 * One field of an administration command's form.
 *
 * @param name     the key of the answer in {@link AdminRequest#answers()}
 * @param label    what the administrator sees
 * @param kind     what sort of value it takes
 * @param required whether the command refuses to run without it
 * @param choices  the allowed values of a {@link Kind#CHOICE} field (empty for the other kinds)
 */
public record AdminField(String name, String label, Kind kind, boolean required, List<String> choices) {

    /** The value types clients know how to ask for (XEP-0004 field types). */
    public enum Kind {
        /** One line of text (text-single). */
        TEXT,
        /** Several lines of text (text-multi); the answer joins them with newlines. */
        MULTILINE_TEXT,
        /** One of {@link AdminField#choices()} (list-single). */
        CHOICE,
        /** A JID (jid-single). */
        JID
    }

    public AdminField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        choices = List.copyOf(choices);
        if (kind == Kind.CHOICE && choices.isEmpty() && required) {
            throw new IllegalArgumentException("required choice field '" + name + "' offers no choice");
        }
    }

    /** A required one-line text field. */
    public static AdminField text(String name, String label) {
        return new AdminField(name, label, Kind.TEXT, true, List.of());
    }

    /** A required multi-line text field. */
    public static AdminField multilineText(String name, String label) {
        return new AdminField(name, label, Kind.MULTILINE_TEXT, true, List.of());
    }

    /** A required choice among the given values. */
    public static AdminField choice(String name, String label, List<String> choices) {
        return new AdminField(name, label, Kind.CHOICE, true, choices);
    }

    /** A required JID field. */
    public static AdminField jid(String name, String label) {
        return new AdminField(name, label, Kind.JID, true, List.of());
    }

    /** The same field, but the command runs without it. */
    public AdminField optional() {
        return new AdminField(name, label, kind, false, choices);
    }
}
