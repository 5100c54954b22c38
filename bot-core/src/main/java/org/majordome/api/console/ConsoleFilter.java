package org.majordome.api.console;

import java.util.List;
import java.util.Objects;

/**
 * One filter of a section's list, shown as a form field above it.
 *
 * @param name    the key of its value in {@link ConsoleQuery#filters()} (letters, digits and {@code -})
 * @param label   what the operator reads
 * @param kind    what sort of value it takes
 * @param choices the allowed values of a {@link Kind#CHOICE} filter (empty for the other kinds)
 */
public record ConsoleFilter(String name, String label, Kind kind, List<String> choices) {

    /** The sorts of values a filter takes. */
    public enum Kind {
        /** Free text; sections usually match it as a case-insensitive substring. */
        TEXT,
        /** One of {@link ConsoleFilter#choices()}. */
        CHOICE,
        /** A day, {@code 2026-12-07} (ISO 8601); a range is two of them. */
        DATE
    }

    public ConsoleFilter {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
        choices = List.copyOf(choices);
    }

    /** A free-text filter. */
    public static ConsoleFilter text(String name, String label) {
        return new ConsoleFilter(name, label, Kind.TEXT, List.of());
    }

    /** A choice among the given values (and none). */
    public static ConsoleFilter choice(String name, String label, List<String> choices) {
        return new ConsoleFilter(name, label, Kind.CHOICE, choices);
    }

    /** A day. */
    public static ConsoleFilter date(String name, String label) {
        return new ConsoleFilter(name, label, Kind.DATE, List.of());
    }
}
