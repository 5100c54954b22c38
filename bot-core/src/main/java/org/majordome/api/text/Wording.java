package org.majordome.api.text;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The texts of one plugin as one audience reads them: a language, a time zone, and the keepers' replacements
 * where they apply. Obtained from {@link Texts}; cheap, immutable, safe to keep for one answer.
 */
public interface Wording {

    /** The language texts are written in. */
    Locale language();

    /** The zone times are shown in. */
    ZoneId timeZone();

    /**
     * The text of {@code key}, its placeholders {@code {0}}, {@code {1}}... replaced by {@code args}. The
     * pattern is an ICU {@code MessageFormat}: {@code {0, plural, one {# occupant} other {# occupants}}}
     * follows the language's plural rules (French says "0 occupant", English "0 occupants"), {@code {0,
     * number}} groups digits as the language does. An {@link Instant} is shown by {@link #moment}, a
     * {@link Duration} by {@link #duration}, unless the pattern formats it itself ({@code {0, date, long}}),
     * in the zone of this wording. A key no bundle has gives the key in brackets, and a warning in the log.
     */
    String format(String key, Object... args);

    /** Whether a bundle (or a keeper's replacement) has a text for {@code key} in this wording's language or English. */
    boolean has(String key);

    /** Like {@link #format(String, Object...)} with named placeholders ({@code {nick}}), for longer texts. */
    String format(String key, Map<String, ?> args);

    /** A moment as this language writes it, to the minute, with the zone's name: {@code 2026-12-06 23:01 CET}. */
    String moment(Instant instant);

    /** A duration in words: {@code 1 hour and 30 minutes}, {@code 1 heure et 30 minutes}. */
    String duration(Duration duration);

    /** Items joined as this language lists them: {@code a, b and c}, {@code a, b et c}. */
    String list(List<String> items);
}
