package org.majordome.console;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.majordome.api.text.Wording;
import org.majordome.text.TextService;

/**
 * One request to a console page, after the session and (for a POST) the CSRF token were checked.
 *
 * @param operator  who is asking
 * @param subPath   the path after the page's own, without a leading slash ({@code ""} for the page itself)
 * @param params    the query parameters (GET) or the form fields (POST); several values keep their order
 * @param csrfToken the session's token, to put in every form this page renders ({@code <input type=hidden
 *                  name=csrf>})
 * @param language  the language the page is written in: the first of the browser's {@code Accept-Language} the bot
 *                  speaks, else {@code runtime.language}
 */
public record ConsoleRequest(Operator operator, String subPath, Map<String, List<String>> params, String csrfToken,
                             Locale language) {

    public ConsoleRequest {
        params = Map.copyOf(params);
        language = language == null ? Locale.ENGLISH : language;
    }

    /** A request in English. */
    public ConsoleRequest(Operator operator, String subPath, Map<String, List<String>> params, String csrfToken) {
        this(operator, subPath, params, csrfToken, Locale.ENGLISH);
    }

    /** The runtime's texts ({@code console.*} keys) in this request's language; the console shows times in UTC. */
    public Wording words() {
        return words(language);
    }

    /** The runtime's texts in {@code language}, times in UTC. */
    static Wording words(Locale language) {
        return TextService.runtimeWording(language, ZoneOffset.UTC);
    }

    /** A moment to the second in UTC, as this request's language writes it ({@code console.time.format}). */
    public String time(Instant instant) {
        return time(words(), instant);
    }

    /** A moment to the second in UTC, as {@code words}' language writes it. */
    static String time(Wording words, Instant instant) {
        return DateTimeFormatter.ofPattern(words.format("console.time.format"), words.language())
                .withZone(ZoneOffset.UTC).format(instant);
    }

    /** {@link Wording#format} in this request's language. */
    public String text(String key, Object... args) {
        return words().format(key, args);
    }

    /** The first value of a parameter, if it was given and is not blank. */
    public Optional<String> param(String name) {
        List<String> values = params.getOrDefault(name, List.of());
        return values.isEmpty() || values.getFirst().isBlank() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
