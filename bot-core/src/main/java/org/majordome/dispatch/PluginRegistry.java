package org.majordome.dispatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.majordome.api.Plugin;

/**
 * The loaded plugins, their checked declarations, and which of them run in which room.
 *
 * <p>Built once at startup with {@link #build}; every problem (unknown or duplicate plugin id, bad
 * handler signature, invalid or clashing command name) is collected in {@link #problems()}, like
 * configuration errors, so that the bot can refuse to start with the full list. A plugin can join a built
 * registry later ({@link #add}: a script file that appeared while the bot runs). Whether a plugin is
 * running right now is tracked by {@link PluginLifecycle}.
 */
public final class PluginRegistry {

    /** A plugin with its checked declarations. */
    record LoadedPlugin(Plugin<?> plugin, PluginScanner.Scan scan) {
        String id() {
            return plugin.id();
        }
    }

    // Replaced whole (never changed in place) when a plugin joins a running registry: readers need no lock.
    private volatile Map<String, LoadedPlugin> pluginsById;
    private volatile Map<String, List<LoadedPlugin>> pluginsByRoom;
    private final List<String> problems;
    /**
     * The plugins of a kept room the configuration does not declare (joined on an invitation or an administrator's
     * command), by lower-case bare JID; null for a room the bot does not keep.
     */
    private final Function<String, List<String>> otherRooms;
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /**
     * The plugins an operator disabled: still started (instance, memory and jobs kept), but handed nothing. The
     * lanes check it again at each call, so that work queued before the pause does not run after it.
     */
    private final Set<String> paused = ConcurrentHashMap.newKeySet();
    /**
     * The answers of {@link #runningIn}, computed once per room until a plugin starts or stops (then the
     * whole map is replaced, so that an answer computed before the change lands in the old map): the
     * dispatcher asks for every event.
     */
    private volatile Map<String, List<LoadedPlugin>> runningByRoom = new ConcurrentHashMap<>();

    private PluginRegistry(Map<String, LoadedPlugin> pluginsById, Map<String, List<LoadedPlugin>> pluginsByRoom,
                           List<String> problems, Function<String, List<String>> otherRooms) {
        this.pluginsById = pluginsById;
        this.pluginsByRoom = pluginsByRoom;
        this.problems = problems;
        this.otherRooms = otherRooms;
    }

    /**
     * Checks the plugins and the room assignment.
     *
     * @param plugins       every plugin instance the bot loads
     * @param enabledByRoom for each room's bare JID, the ids of the plugins enabled there, in the order they
     *                      should receive events
     */
    public static PluginRegistry build(List<? extends Plugin<?>> plugins, Map<String, List<String>> enabledByRoom) {
        return checked(plugins, enabledByRoom);
    }

    /**
     * Checks the plugins and the room assignment, rooms joined while the bot runs included.
     *
     * @param otherRoomPlugins the ids of the plugins enabled in every kept room {@code enabledByRoom} does not name
     * @param isOtherKeptRoom  whether a room (lower-case bare JID) outside {@code enabledByRoom} is kept right now
     */
    public static PluginRegistry build(List<? extends Plugin<?>> plugins, Map<String, List<String>> enabledByRoom,
                                       List<String> otherRoomPlugins, java.util.function.Predicate<String> isOtherKeptRoom) {
        Map<String, List<String>> withOthers = new LinkedHashMap<>(enabledByRoom);
        withOthers.put(OTHER_ROOMS, otherRoomPlugins);
        PluginRegistry built = checked(plugins, withOthers);
        Map<String, List<LoadedPlugin>> byRoom = new HashMap<>(built.pluginsByRoom);
        List<LoadedPlugin> others = byRoom.remove(OTHER_ROOMS);
        List<String> problems = built.problems.stream().map(problem -> problem.replace("room " + OTHER_ROOMS + ":",
                "invitations.plugins:")).toList();
        List<String> otherIds = others.stream().map(LoadedPlugin::id).toList();
        return new PluginRegistry(built.pluginsById, Map.copyOf(byRoom), problems,
                room -> isOtherKeptRoom.test(room) ? otherIds : null);
    }

    /** The key under which the plugins of undeclared rooms are checked with the others; no JID looks like it. */
    private static final String OTHER_ROOMS = " other rooms";

    /** The registry of the declared rooms alone, with every problem found. */
    private static PluginRegistry checked(List<? extends Plugin<?>> plugins, Map<String, List<String>> enabledByRoom) {
        List<String> problems = new ArrayList<>();
        Map<String, LoadedPlugin> byId = new LinkedHashMap<>();
        for (Plugin<?> plugin : plugins) {
            String id = plugin.id();
            String className = plugin.getClass().getName();
            if (!Plugin.isValidId(id)) {
                problems.add("plugin " + className + ": invalid id '" + id + "': use " + Plugin.ID_RULE);
                continue;
            }
            if (byId.containsKey(id)) {
                problems.add("plugin id '" + id + "' is used by both " + byId.get(id).plugin().getClass().getName()
                        + " and " + className);
                continue;
            }
            if (plugin.configType() == null) {
                problems.add("plugin '" + id + "' (" + className + "): configType() returned null; use NoConfig.class");
            }
            PluginScanner.Scan scan = PluginScanner.scan(plugin);
            problems.addAll(scan.problems());
            byId.put(id, new LoadedPlugin(plugin, scan));
        }
        problems.addAll(commandClashes(byId.values()));

        Map<String, List<LoadedPlugin>> byRoom = new HashMap<>();
        enabledByRoom.forEach((roomJid, ids) -> {
            String room = roomJid.toLowerCase(Locale.ROOT);
            Set<String> unique = new LinkedHashSet<>();
            List<LoadedPlugin> enabled = new ArrayList<>();
            for (String id : ids) {
                if (!unique.add(id)) {
                    problems.add("room " + room + ": plugin '" + id + "' is listed twice");
                } else if (!byId.containsKey(id)) {
                    problems.add("room " + room + ": unknown plugin '" + id + "' (known: " + byId.keySet() + ")");
                } else {
                    enabled.add(byId.get(id));
                }
            }
            byRoom.put(room, List.copyOf(enabled));
        });
        return new PluginRegistry(Map.copyOf(byId), Map.copyOf(byRoom), List.copyOf(problems), room -> null);
    }

    /**
     * Adds a plugin to a built registry while the bot runs (a script file that appeared), enabled in the given
     * rooms after the plugins configured there; start it with {@link PluginLifecycle#start(String)}.
     *
     * @param roomJids the rooms that enable it, bare JIDs
     * @return why it cannot be added (invalid or taken id, bad declarations); empty when it was added
     */
    public synchronized List<String> add(Plugin<?> plugin, List<String> roomJids) {
        String id = plugin.id();
        if (!Plugin.isValidId(id)) {
            return List.of("plugin " + plugin.getClass().getName() + ": invalid id '" + id + "': use " + Plugin.ID_RULE);
        }
        if (pluginsById.containsKey(id)) {
            return List.of("plugin id '" + id + "' is taken by " + pluginsById.get(id).plugin().getClass().getName());
        }
        PluginScanner.Scan scan = PluginScanner.scan(plugin);
        LoadedPlugin loaded = new LoadedPlugin(plugin, scan);
        Map<String, LoadedPlugin> byId = new LinkedHashMap<>(pluginsById);
        byId.put(id, loaded);
        List<String> problems = new ArrayList<>(scan.problems());
        problems.addAll(commandClashes(byId.values()));
        if (!problems.isEmpty()) {
            return List.copyOf(problems);
        }
        Map<String, List<LoadedPlugin>> byRoom = new HashMap<>(pluginsByRoom);
        for (String roomJid : roomJids) {
            List<LoadedPlugin> enabled = new ArrayList<>(byRoom.getOrDefault(roomJid.toLowerCase(Locale.ROOT), List.of()));
            enabled.add(loaded);
            byRoom.put(roomJid.toLowerCase(Locale.ROOT), List.copyOf(enabled));
        }
        pluginsById = java.util.Collections.unmodifiableMap(byId);
        pluginsByRoom = Map.copyOf(byRoom);
        runningByRoom = new ConcurrentHashMap<>();
        return List.of();
    }

    /** Whether a plugin of that id is registered. */
    public boolean contains(String pluginId) {
        return pluginsById.containsKey(pluginId);
    }

    private static List<String> commandClashes(Iterable<LoadedPlugin> plugins) {
        List<String> problems = new ArrayList<>();
        Map<String, String> ownerByName = new HashMap<>();
        for (LoadedPlugin loaded : plugins) {
            for (PluginScanner.DeclaredCommand command : loaded.scan().commands()) {
                String where = loaded.plugin().getClass().getName() + "." + command.methodName();
                for (String name : command.spec().names()) {
                    if (CommandTable.HELP.equals(name)) {
                        problems.add(where + " (@Command): '" + name + "' is built in");
                        continue;
                    }
                    String previous = ownerByName.putIfAbsent(name, where);
                    if (previous != null) {
                        problems.add(where + " (@Command): command name '" + name + "' is already used by " + previous);
                    }
                }
            }
        }
        return problems;
    }

    /** Everything wrong with the plugins and their assignment; empty when the bot may start. */
    public List<String> problems() {
        return problems;
    }

    /** Every loaded plugin, running or not, in load order. */
    /** The ids of every loaded plugin, in load order. */
    public List<String> ids() {
        return all().stream().map(LoadedPlugin::id).toList();
    }

    List<LoadedPlugin> all() {
        return List.copyOf(pluginsById.values());
    }

    /** The running plugins enabled in a room, in delivery order. */
    List<LoadedPlugin> runningIn(String roomJid) {
        Map<String, List<LoadedPlugin>> answers = runningByRoom;
        List<LoadedPlugin> cached = answers.get(roomJid);
        if (cached != null) {
            return cached;
        }
        List<LoadedPlugin> enabled = enabledIn(roomJid);
        if (enabled == null) {
            return List.of(); // not a kept room: not cached, so that stray JIDs cannot grow the map
        }
        List<LoadedPlugin> answer = enabled.stream().filter(p -> receives(p.id())).toList();
        answers.put(roomJid, answer);
        return answer;
    }

    /** Every running plugin not paused: direct messages belong to no room and go to all of them. */
    List<LoadedPlugin> running() {
        return pluginsById.values().stream().filter(p -> receives(p.id())).toList();
    }

    boolean isRunning(String pluginId) {
        return running.contains(pluginId);
    }

    /** Running and not paused: the plugin is handed events and commands. */
    private boolean receives(String pluginId) {
        return running.contains(pluginId) && !paused.contains(pluginId);
    }

    /**
     * Pauses a plugin (an operator disabled it): it stays started, but from now on gets no event, no command, and
     * no call already queued for it runs; its commands are offered nowhere. The {@link org.majordome.api.Plugin}
     * contract is untouched: no stop, no second start.
     *
     * @return false when it was paused already
     */
    public boolean pause(String pluginId) {
        boolean changed = paused.add(pluginId);
        runningByRoom = new ConcurrentHashMap<>();
        return changed;
    }

    /**
     * Ends a pause: the plugin gets the events and commands that come from now on (those of the pause are gone).
     *
     * @return false when it was not paused
     */
    public boolean resume(String pluginId) {
        boolean changed = paused.remove(pluginId);
        runningByRoom = new ConcurrentHashMap<>();
        return changed;
    }

    /** Whether the plugin is paused (disabled by an operator); checked at every call. */
    public boolean isPaused(String pluginId) {
        return paused.contains(pluginId);
    }

    boolean isEnabledIn(String pluginId, String roomJid) {
        List<LoadedPlugin> enabled = enabledIn(roomJid);
        return enabled != null && enabled.stream().anyMatch(p -> p.id().equals(pluginId));
    }

    /** The plugins enabled in a room, declared or joined while the bot runs; null for a room the bot does not keep. */
    private List<LoadedPlugin> enabledIn(String roomJid) {
        List<LoadedPlugin> declared = pluginsByRoom.get(roomJid);
        if (declared != null) {
            return declared;
        }
        List<String> others = otherRooms.apply(roomJid);
        Map<String, LoadedPlugin> byId = pluginsById;
        return others == null ? null : others.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    void markRunning(String pluginId) {
        running.add(pluginId);
        runningByRoom = new ConcurrentHashMap<>();
    }

    void markStopped(String pluginId) {
        running.remove(pluginId);
        runningByRoom = new ConcurrentHashMap<>();
    }
}
