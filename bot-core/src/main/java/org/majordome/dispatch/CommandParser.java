package org.majordome.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a command from a message body: the prefix at the very start, a name, then arguments split on
 * whitespace, where {@code "double"} and {@code 'single'} quotes keep spaces and a backslash escapes the
 * next character (inside quotes too). A quote only opens at the start of an argument, so the apostrophe in
 * {@code don't} is plain text.
 *
 * <p>Only a body that starts with the prefix directly followed by a plausible name is a command, so
 * {@code "!!!"}, {@code "! wow"} or a quoted reply fallback ({@code "> !kick x"}, XEP-0461) are just talk.
 */
final class CommandParser {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}_-]+");

    private final String prefix;

    CommandParser(String prefix) {
        if (prefix == null || prefix.isEmpty() || prefix.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("command prefix must be non-empty and without spaces, was '" + prefix + "'");
        }
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }

    /** What a body turned out to be. */
    sealed interface Result permits NotACommand, Parsed, Malformed {
    }

    /** Ordinary talk. */
    record NotACommand() implements Result {
    }

    /**
     * A command.
     *
     * @param name         the name as typed, lower-cased
     * @param arguments    the arguments, unquoted and unescaped
     * @param argumentText everything after the name, as typed, trimmed
     */
    record Parsed(String name, List<String> arguments, String argumentText) implements Result {
    }

    /** A command whose arguments cannot be read. */
    record Malformed(String name, String problem) implements Result {
    }

    Result parse(String body) {
        if (body == null || !body.startsWith(prefix)) {
            return new NotACommand();
        }
        String rest = body.substring(prefix.length());
        int nameEnd = 0;
        while (nameEnd < rest.length() && !Character.isWhitespace(rest.charAt(nameEnd))) {
            nameEnd++;
        }
        String name = rest.substring(0, nameEnd);
        if (!NAME.matcher(name).matches()) {
            return new NotACommand();
        }
        String argumentText = rest.substring(nameEnd).strip();
        String lowerName = name.toLowerCase(Locale.ROOT);
        return split(argumentText)
                .<Result>map(arguments -> new Parsed(lowerName, arguments, argumentText))
                .orElseGet(() -> new Malformed(lowerName, "a quote is not closed"));
    }

    /** Splits arguments; empty when a quote is left open. A trailing lone backslash stands for itself. */
    static Optional<List<String>> split(String text) {
        List<String> arguments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean inArgument = false;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                inArgument = true;
                current.append(i + 1 < text.length() ? text.charAt(++i) : c);
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    current.append(c);
                }
            } else if ((c == '"' || c == '\'') && !inArgument) {
                quote = c;
                inArgument = true;
            } else if (Character.isWhitespace(c)) {
                if (inArgument) {
                    arguments.add(current.toString());
                    current.setLength(0);
                    inArgument = false;
                }
            } else {
                current.append(c);
                inArgument = true;
            }
        }
        if (quote != 0) {
            return Optional.empty();
        }
        if (inArgument) {
            arguments.add(current.toString());
        }
        return Optional.of(List.copyOf(arguments));
    }
}
