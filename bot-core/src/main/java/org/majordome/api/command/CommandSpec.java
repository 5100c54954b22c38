package org.majordome.api.command;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a command is called, what it takes and who may run it. Build one with {@link #builder(String)}.
 *
 * @param name       the name, lower case: letters, digits, {@code _} and {@code -}, starting with a letter or digit
 * @param aliases    other names, same rules
 * @param usage      the argument syntax shown by help, e.g. {@code <nick> [reason]}; empty for none
 * @param help       one line saying what it does
 * @param permission the least trusted sender who may run it
 * @param scopes     where it may be used (not empty)
 * @param minArgs    fewest arguments accepted (0 or more)
 * @param maxArgs    most arguments accepted, or -1 for no limit
 */
public record CommandSpec(String name, List<String> aliases, String usage, String help, Permission permission,
                          Set<CommandScope> scopes, int minArgs, int maxArgs) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

    public CommandSpec {
        requireName(name, "name");
        aliases = List.copyOf(aliases);
        for (String alias : aliases) {
            requireName(alias, "alias of '" + name + "'");
            if (alias.equals(name)) {
                throw new IllegalArgumentException("command '" + name + "' lists its own name as an alias");
            }
        }
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(help, "help");
        if (help.isBlank()) {
            throw new IllegalArgumentException("command '" + name + "' needs a help text");
        }
        Objects.requireNonNull(permission, "permission");
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("command '" + name + "' must be usable somewhere: scopes is empty");
        }
        scopes = Set.copyOf(EnumSet.copyOf(scopes));
        if (minArgs < 0) {
            throw new IllegalArgumentException("command '" + name + "': minArgs must be 0 or more, was " + minArgs);
        }
        if (maxArgs != -1 && maxArgs < minArgs) {
            throw new IllegalArgumentException("command '" + name + "': maxArgs must be -1 or at least minArgs ("
                    + minArgs + "), was " + maxArgs);
        }
    }

    /** This command's name followed by its aliases. */
    public List<String> names() {
        List<String> names = new ArrayList<>(aliases.size() + 1);
        names.add(name);
        names.addAll(aliases);
        return names;
    }

    /** Whether {@code count} arguments are acceptable. */
    public boolean acceptsArgumentCount(int count) {
        return count >= minArgs && (maxArgs == -1 || count <= maxArgs);
    }

    /** Starts a spec with defaults: no aliases or usage, {@link Permission#ANYONE}, rooms and private messages, any arguments. */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    private static void requireName(String candidate, String what) {
        Objects.requireNonNull(candidate, what);
        if (!NAME.matcher(candidate).matches()) {
            throw new IllegalArgumentException("invalid command " + what + " '" + candidate
                    + "': use 1-32 lower-case letters, digits, '_' or '-', starting with a letter or digit");
        }
    }

    /** Builds a {@link CommandSpec}; names are lower-cased. */
    public static final class Builder {
        private final String name;
        private List<String> aliases = List.of();
        private String usage = "";
        private String help = "";
        private Permission permission = Permission.ANYONE;
        private Set<CommandScope> scopes = EnumSet.of(CommandScope.ROOM, CommandScope.PRIVATE);
        private int minArgs;
        private int maxArgs = -1;

        private Builder(String name) {
            this.name = lowerCase(name);
        }

        public Builder aliases(String... aliases) {
            this.aliases = List.of(aliases).stream().map(Builder::lowerCase).toList();
            return this;
        }

        public Builder usage(String usage) {
            this.usage = usage;
            return this;
        }

        public Builder help(String help) {
            this.help = help;
            return this;
        }

        public Builder permission(Permission permission) {
            this.permission = permission;
            return this;
        }

        public Builder scopes(CommandScope first, CommandScope... more) {
            this.scopes = EnumSet.of(first, more);
            return this;
        }

        /** Accepts between {@code min} and {@code max} arguments ({@code max} -1: no limit). */
        public Builder arguments(int min, int max) {
            this.minArgs = min;
            this.maxArgs = max;
            return this;
        }

        public CommandSpec build() {
            return new CommandSpec(name, aliases, usage, help, permission, scopes, minArgs, maxArgs);
        }

        private static String lowerCase(String text) {
            return text == null ? null : text.toLowerCase(Locale.ROOT);
        }
    }
}
