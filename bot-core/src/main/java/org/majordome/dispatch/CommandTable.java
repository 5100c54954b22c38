package org.majordome.dispatch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.majordome.api.command.CommandHandler;
import org.majordome.api.command.CommandRegistry;
import org.majordome.api.command.CommandSpec;

/**
 * Every command of every plugin, by name and alias. Names are one namespace across plugins, so that
 * {@code !kick} means the same thing in every room; which of them a room offers depends on the plugins
 * enabled there.
 */
public final class CommandTable {

    /** The built-in command, which no plugin may take. */
    static final String HELP = "help";

    /** A command and the plugin it belongs to. */
    record Entry(String pluginId, CommandSpec spec, CommandHandler handler) {
    }

    private final Map<String, Entry> byName = new ConcurrentHashMap<>();

    /** Registers a command; throws {@link IllegalArgumentException} naming the clash when a name is taken. */
    synchronized CommandRegistry.Registration register(String pluginId, CommandSpec spec, CommandHandler handler) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(handler, "handler");
        for (String name : spec.names()) {
            if (HELP.equals(name)) {
                throw new IllegalArgumentException("command name '" + name + "' is built in");
            }
            Entry existing = byName.get(name);
            if (existing != null) {
                throw new IllegalArgumentException("command name '" + name + "' of plugin '" + pluginId
                        + "' is already used by plugin '" + existing.pluginId() + "' (!" + existing.spec().name() + ")");
            }
        }
        Entry entry = new Entry(pluginId, spec, handler);
        spec.names().forEach(name -> byName.put(name, entry));
        return new CommandRegistry.Registration() {
            @Override
            public CommandSpec spec() {
                return spec;
            }

            @Override
            public void close() {
                remove(entry);
            }
        };
    }

    /** A registry view for one plugin, as handed to it in its context. */
    CommandRegistry registryFor(String pluginId) {
        return (spec, handler) -> register(pluginId, spec, handler);
    }

    /** The command with this name or alias, matched case-insensitively. */
    Optional<Entry> find(String nameOrAlias) {
        return Optional.ofNullable(byName.get(nameOrAlias.toLowerCase(Locale.ROOT)));
    }

    /** Every command, once each (not once per alias). */
    Collection<Entry> entries() {
        return new ArrayList<>(new LinkedHashSet<>(byName.values()));
    }

    /** Removes all commands of a plugin (it stopped or failed to start). */
    synchronized void removeAll(String pluginId) {
        byName.values().removeIf(entry -> entry.pluginId().equals(pluginId));
    }

    private synchronized void remove(Entry entry) {
        List<String> names = entry.spec().names();
        names.forEach(name -> byName.remove(name, entry));
    }
}
