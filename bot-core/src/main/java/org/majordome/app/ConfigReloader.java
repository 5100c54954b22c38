package org.majordome.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jxmpp.jid.EntityBareJid;
import org.majordome.config.BotConfig;
import org.majordome.config.ConfigException;
import org.majordome.config.ConfigLoader;
import org.majordome.config.RoomSettings;
import org.majordome.plugin.PluginCatalog;
import org.majordome.room.RoomKeeper;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a changed configuration file without a restart (SIGHUP, or an administrator's command). The new
 * file is checked whole first, exactly as {@code check-config} and a start check it (plugin sections and values
 * included, against the plugins it would run, found once and handed to the new generation): any problem
 * rejects it and nothing changes. Then rooms added are joined, rooms removed are left, changed rooms get their
 * new desired configuration, and the plugins restart with the new configuration when anything they see
 * changed. Restarting the plugins restarts all of them, the scripts included: storage and persistent jobs
 * survive, in-memory state does not. If the new plugins fail to start anyway, the previous configuration's
 * plugins start again, the log says so in one line and every bot admin gets a direct message. Settings that
 * only a restart applies are named by their keys.
 */
public final class ConfigReloader {

    static final String GOODBYE = "This room is no longer kept by Majordome";
    private static final String PLUGINS_FAILED = "the new plugins failed to start";
    private static final Logger log = LoggerFactory.getLogger(ConfigReloader.class);

    /** How a reload ended. */
    public sealed interface Result permits Applied, Rejected {
    }

    /**
     * @param changes  what changed, in words (empty when the file was as before)
     * @param warnings changes that need a restart to take effect
     */
    public record Applied(List<String> changes, List<String> warnings) implements Result {
    }

    /** @param problems why the new file was refused; the bot runs on unchanged */
    public record Rejected(List<String> problems) implements Result {
    }

    private final RoomKeeper rooms;
    private final PluginHost plugins;
    /** The rooms joined on an invitation that a configuration does not declare: a reload keeps them. */
    private final Function<BotConfig, List<RoomSettings>> invited;
    private BotConfig current;

    ConfigReloader(BotConfig initial, RoomKeeper rooms, PluginHost plugins,
                   Function<BotConfig, List<RoomSettings>> invited) {
        this.current = initial;
        this.rooms = rooms;
        this.plugins = plugins;
        this.invited = invited;
    }

    /** Reads the configuration file again (the one the bot started with) and applies it. */
    public synchronized Result reload(Map<String, String> environment) {
        BotConfig next;
        Optional<PluginCatalog> catalog;
        // The same whole-file check as check-config and start: plugin sections and values included.
        try (PluginFinder finder = plugins.finder()) {
            next = new ConfigLoader(environment).load(current.source(), finder);
            catalog = finder.takeCatalog();
        } catch (ConfigException e) {
            log.error("Configuration reload rejected; nothing changed.\n{}", e.getMessage());
            return new Rejected(e.problems().stream().map(problem -> problem.format()).toList());
        }
        next.warnings().forEach(warning -> log.warn("Configuration reload: {}", warning.formatWarning()));
        List<String> warnings = new ArrayList<>();
        List<String> restartOnly = RestartOnlySettings.changed(current, next);
        if (!restartOnly.isEmpty()) {
            warnings.add("needs a restart: " + String.join(", ", restartOnly));
        }
        List<RoomSettings> kept = new ArrayList<>(next.rooms());
        kept.addAll(invited.apply(next));
        List<String> changes = new ArrayList<>(rooms.apply(kept, GOODBYE));
        if (!next.admins().equals(current.admins())) {
            changes.add("bot admins changed");
        }
        if (pluginsSeeAChange(plugins.config(), next)) {
            Optional<List<String>> refused = replacePlugins(next, catalog);
            if (refused.isEmpty()) {
                changes.add("plugins restarted");
            } else {
                String failure = PLUGINS_FAILED + " (" + String.join("; ", refused.get())
                        + "); the previous plugin configuration runs again";
                log.error("Configuration reload: {}", failure);
                warnings.add(failure);
                tellAdmins(next, "Configuration reload of " + next.source() + ": " + failure + ".");
            }
        } else {
            catalog.ifPresent(PluginCatalog::close);
        }
        current = next;
        warnings.stream().filter(warning -> !warning.startsWith(PLUGINS_FAILED))
                .forEach(warning -> log.warn("Configuration reload: {}", warning));
        // "no change" only when nothing the bot uses changed: every other outcome was named above.
        boolean noChange = changes.isEmpty() && warnings.isEmpty();
        log.info("Configuration reloaded: {}", noChange ? "no change"
                : changes.isEmpty() ? "nothing applied live" : String.join(", ", changes));
        return new Applied(changes, warnings);
    }

    private Optional<List<String>> replacePlugins(BotConfig next, Optional<PluginCatalog> catalog) {
        try {
            return plugins.replace(next, catalog);
        } catch (StartupException e) {
            tellAdmins(next, "Configuration reload of " + next.source() + ": no plugin could start, neither the new "
                    + "ones nor the previous ones: " + String.join("; ", e.problems()));
            return Optional.of(List.of("and neither could the previous ones: " + String.join("; ", e.problems())));
        }
    }

    /** A direct message to every bot admin: a reload that went wrong needs a human, who may not read the log. */
    private void tellAdmins(BotConfig config, String text) {
        for (EntityBareJid admin : config.admins()) {
            rooms.send(admin.toString(), text).whenComplete((result, failure) -> {
                if (failure != null || !result.succeeded()) {
                    log.warn("Could not tell {} about the reload: {}", admin, failure != null ? failure : result);
                }
            });
        }
    }

    public synchronized BotConfig current() {
        return current;
    }

    private static boolean pluginsSeeAChange(BotConfig before, BotConfig after) {
        return !Objects.equals(before.plugins().keySet(), after.plugins().keySet())
                || !sectionsEqual(before, after)
                || !before.dispatch().equals(after.dispatch())
                || !before.admins().equals(after.admins())
                || !before.invitations().plugins().equals(after.invitations().plugins())
                || !before.rooms().stream().map(RoomKeeperView::of).toList()
                        .equals(after.rooms().stream().map(RoomKeeperView::of).toList());
    }

    private static boolean sectionsEqual(BotConfig before, BotConfig after) {
        // Sections are YAML trees: compare what they say, not the objects.
        return before.plugins().entrySet().stream().allMatch(entry -> after.plugins().containsKey(entry.getKey())
                && canonical(entry.getValue().node()).equals(canonical(after.plugins().get(entry.getKey()).node())));
    }

    private static String canonical(Node node) {
        return switch (node) {
            case ScalarNode scalar -> "'" + scalar.getValue() + "'";
            case SequenceNode sequence -> sequence.getValue().stream().map(ConfigReloader::canonical)
                    .collect(Collectors.joining(",", "[", "]"));
            case MappingNode mapping -> mapping.getValue().stream()
                    .map(tuple -> canonical(tuple.getKeyNode()) + ":" + canonical(tuple.getValueNode()))
                    .collect(Collectors.joining(",", "{", "}"));
            default -> node.toString();
        };
    }

    /** The part of a room plugins depend on. */
    private record RoomKeeperView(String jid, List<String> plugins, boolean allScripts) {
        static RoomKeeperView of(RoomSettings room) {
            return new RoomKeeperView(room.jid().toString(), room.plugins(), room.allScripts());
        }
    }
}
