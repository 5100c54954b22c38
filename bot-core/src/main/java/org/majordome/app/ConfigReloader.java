package org.majordome.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.majordome.config.BotConfig;
import org.majordome.config.ConfigException;
import org.majordome.config.ConfigLoader;
import org.majordome.config.RoomSettings;
import org.majordome.room.RoomKeeper;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies a changed configuration file without a restart (SIGHUP, or an administrator's command). The
 * new file is validated whole first: any problem rejects it and nothing changes. Then rooms added are
 * joined and configured, rooms removed are left, changed rooms get their new desired configuration, and
 * the plugins restart with the new configuration when anything they see changed, or when script files were
 * added to the scripts directory (the watcher then runs this reload by itself: see {@link PluginHost}).
 * Restarting the plugins restarts all of them, the scripts included: storage and persistent jobs survive,
 * in-memory state does not (a script's top level runs again and registers its in-memory jobs anew).
 */
public final class ConfigReloader {

    static final String GOODBYE = "This room is no longer kept by Majordome";
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
    private BotConfig current;

    ConfigReloader(BotConfig initial, RoomKeeper rooms, PluginHost plugins) {
        this.current = initial;
        this.rooms = rooms;
        this.plugins = plugins;
    }

    /** Reads the configuration file again (the one the bot started with) and applies it. */
    public synchronized Result reload(Map<String, String> environment) {
        BotConfig next;
        try {
            next = new ConfigLoader(environment).load(current.source());
        } catch (ConfigException e) {
            log.error("Configuration reload rejected; nothing changed.\n{}", e.getMessage());
            return new Rejected(e.problems().stream().map(problem -> problem.format()).toList());
        }
        List<String> pluginProblems = PluginCheck.problems(next);
        if (!pluginProblems.isEmpty()) {
            log.error("Configuration reload rejected; nothing changed.\n  {}", String.join("\n  ", pluginProblems));
            return new Rejected(pluginProblems);
        }
        List<String> warnings = new ArrayList<>();
        if (!next.connection().equals(current.connection())) {
            warnings.add("connection settings changed: they take effect at the next restart");
        }
        if (!next.runtime().equals(current.runtime())) {
            warnings.add("runtime settings changed: they take effect at the next restart");
        }
        List<String> changes = new ArrayList<>(rooms.apply(next.rooms(), GOODBYE));
        List<String> newScripts = plugins.newScriptIds();
        if (pluginsSeeAChange(current, next) || !newScripts.isEmpty()) {
            try {
                plugins.replace(next);
                changes.add(newScripts.isEmpty() ? "plugins restarted"
                        : "plugins restarted with the new script(s) " + String.join(", ", newScripts));
            } catch (StartupException e) {
                warnings.add("plugins failed to restart: " + e.getMessage());
            }
        }
        current = next;
        warnings.forEach(warning -> log.warn("Configuration reload: {}", warning));
        log.info("Configuration reloaded: {}", changes.isEmpty() ? "no change" : String.join(", ", changes));
        return new Applied(changes, warnings);
    }

    public synchronized BotConfig current() {
        return current;
    }

    private static boolean pluginsSeeAChange(BotConfig before, BotConfig after) {
        return !Objects.equals(before.plugins().keySet(), after.plugins().keySet())
                || !sectionsEqual(before, after)
                || !before.dispatch().equals(after.dispatch())
                || !before.admins().equals(after.admins())
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
    private record RoomKeeperView(String jid, List<String> plugins) {
        static RoomKeeperView of(RoomSettings room) {
            return new RoomKeeperView(room.jid().toString(), room.plugins());
        }
    }
}
