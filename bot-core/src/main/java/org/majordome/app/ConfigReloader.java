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
import org.majordome.config.ConfigProblem;
import org.majordome.config.RoomSettings;
import org.majordome.api.text.Wording;
import org.majordome.plugin.PluginCatalog;
import org.majordome.room.RoomKeeper;
import org.majordome.text.Phrase;
import org.majordome.text.TextService;
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
    private static final Logger log = LoggerFactory.getLogger(ConfigReloader.class);

    /** How a reload ended. */
    public sealed interface Result permits Applied, Rejected {
    }

    /**
     * @param changes  what changed ({@code reload.change.*}; empty when the file was as before), worded for whoever
     *                 reads it: the administrator who asked in their language, the log in English
     * @param warnings what did not go as the file says ({@code reload.warning.*}): settings only a restart applies,
     *                 plugins that failed to start
     */
    public record Applied(List<Phrase> changes, List<Phrase> warnings) implements Result {
        public Applied {
            changes = List.copyOf(changes);
            warnings = List.copyOf(warnings);
        }
    }

    /** @param found why the new file was refused; the bot runs on unchanged */
    public record Rejected(List<ConfigProblem> found) implements Result {
        public Rejected {
            found = List.copyOf(found);
        }

        /** The problems in English, as the log gives them. */
        public List<String> problems() {
            return found.stream().map(ConfigProblem::format).toList();
        }

        /** The problems in the reader's language (the locations as the log gives them). */
        public List<String> problems(Wording words) {
            return found.stream().map(problem -> problem.format(words)).toList();
        }
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
            return new Rejected(e.problems());
        }
        next.warnings().forEach(warning -> log.warn("Configuration reload: {}", warning.formatWarning()));
        List<Phrase> warnings = new ArrayList<>(restartOnly(next));
        warnings.forEach(warning -> log.warn("Configuration reload: {}", warning));
        List<RoomSettings> kept = new ArrayList<>(next.rooms());
        kept.addAll(invited.apply(next));
        List<Phrase> changes = new ArrayList<>(rooms.apply(kept, GOODBYE));
        if (!next.admins().equals(current.admins())) {
            changes.add(Phrase.of("reload.change.admins"));
        }
        if (pluginsSeeAChange(plugins.config(), next)) {
            Optional<Phrase> failure = replacePlugins(next, catalog);
            if (failure.isEmpty()) {
                changes.add(Phrase.of("reload.change.plugins-restarted"));
            } else {
                log.error("Configuration reload: {}", failure.get());
                warnings.add(failure.get());
            }
        } else {
            catalog.ifPresent(PluginCatalog::close);
        }
        current = next;
        // "no change" only when nothing the bot uses changed: every other outcome was named above.
        boolean noChange = changes.isEmpty() && warnings.isEmpty();
        log.info("Configuration reloaded: {}", noChange ? "no change" : changes.isEmpty() ? "nothing applied live"
                : changes.stream().map(Phrase::toString).collect(Collectors.joining(", ")));
        return new Applied(changes, warnings);
    }

    /**
     * Checks the file exactly as {@link #reload} does and says what a reload would change, applying nothing: the
     * console shows this before its operator confirms. {@code Applied} here means "would apply", with the changes
     * it would make; {@code Rejected} lists the problems.
     */
    public synchronized Result check(Map<String, String> environment) {
        BotConfig next;
        try (PluginFinder finder = plugins.finder()) {
            next = new ConfigLoader(environment).load(current.source(), finder);
        } catch (ConfigException e) {
            return new Rejected(e.problems());
        }
        List<Phrase> warnings = new ArrayList<>(next.warnings().stream()
                .map(warning -> Phrase.of("reload.warning.config", warning.asWarning())).toList());
        warnings.addAll(restartOnly(next));
        List<Phrase> changes = new ArrayList<>();
        Map<String, RoomSettings> before = new java.util.LinkedHashMap<>();
        current.rooms().forEach(room -> before.put(room.jid().toString(), room));
        Map<String, RoomSettings> after = new java.util.LinkedHashMap<>();
        next.rooms().forEach(room -> after.put(room.jid().toString(), room));
        before.keySet().stream().filter(jid -> !after.containsKey(jid)).forEach(jid -> changes.add(Phrase.of("reload.check.leave", jid)));
        after.forEach((jid, room) -> {
            if (!before.containsKey(jid)) {
                changes.add(Phrase.of("reload.check.join", jid));
            } else if (!before.get(jid).equals(room)) {
                changes.add(Phrase.of("reload.check.update", jid));
            }
        });
        if (!next.admins().equals(current.admins())) {
            changes.add(Phrase.of("reload.check.admins"));
        }
        if (pluginsSeeAChange(plugins.config(), next)) {
            changes.add(Phrase.of("reload.check.plugins"));
        }
        return new Applied(changes, warnings);
    }

    /** The settings of {@code next} only a restart applies, as a warning; none when there are none. */
    private List<Phrase> restartOnly(BotConfig next) {
        List<String> keys = RestartOnlySettings.changed(current, next);
        return keys.isEmpty() ? List.of() : List.of(Phrase.of("reload.warning.needs-restart", String.join(", ", keys)));
    }

    /**
     * Starts the plugins of {@code next}; when they fail, tells the bot admins.
     *
     * @return what went wrong, empty when the new plugins run
     */
    private Optional<Phrase> replacePlugins(BotConfig next, Optional<PluginCatalog> catalog) {
        try {
            return plugins.replace(next, catalog).map(refused -> {
                tellAdmins(next, "notice.reload.plugins-failed", next.source().toString(), String.join("; ", refused));
                return Phrase.of("reload.warning.plugins-failed", String.join("; ", refused));
            });
        } catch (StartupException e) {
            tellAdmins(next, "notice.reload.no-plugin", next.source().toString(), String.join("; ", e.problems()));
            return Optional.of(Phrase.of("reload.warning.no-plugin", String.join("; ", e.problems())));
        }
    }

    /**
     * A direct message to every bot admin, in the bot's language: a reload that went wrong needs a human, who may not
     * read the log.
     */
    private void tellAdmins(BotConfig config, String key, Object... args) {
        String text = TextService.runtimeWording(config.runtime().language(), config.runtime().timeZone())
                .format(key, args);
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
