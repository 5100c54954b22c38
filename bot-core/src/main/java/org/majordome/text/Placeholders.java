package org.majordome.text;

import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import com.ibm.icu.text.MessagePattern;

/** The placeholders of a message pattern: what translations and keepers' replacements must keep. */
public final class Placeholders {

    private Placeholders() {
    }

    /**
     * The arguments a pattern uses, by number ({@code "0"}) or name ({@code "nick"}), in plural and select
     * branches included; empty when the pattern is not a valid ICU message pattern.
     */
    public static Optional<Set<String>> of(String pattern) {
        MessagePattern parsed;
        try {
            parsed = new MessagePattern(pattern);
        } catch (IllegalArgumentException | IndexOutOfBoundsException invalid) {
            return Optional.empty();
        }
        Set<String> names = new TreeSet<>();
        for (int i = 0; i < parsed.countParts(); i++) {
            MessagePattern.Part part = parsed.getPart(i);
            if (part.getType() == MessagePattern.Part.Type.ARG_NAME) {
                names.add(parsed.getSubstring(part));
            } else if (part.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
                names.add(Integer.toString(part.getValue()));
            }
        }
        return Optional.of(Set.copyOf(names));
    }

    /** {@code {0}, {nick}} for a problem message; {@code none} when empty. */
    public static String describe(Set<String> names) {
        return names.isEmpty() ? "(none)" : new TreeSet<>(names).stream().map(name -> "{" + name + "}")
                .collect(Collectors.joining(", "));
    }
}
