package org.majordome.testkit;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

import org.majordome.api.ConfigBinder;
import org.majordome.api.ConfigBindingException;
import org.majordome.api.Plugin;
import org.majordome.api.event.BotEvent;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.room.Rooms;
import org.majordome.dispatch.CommandTable;
import org.majordome.dispatch.Dispatcher;
import org.majordome.dispatch.DispatcherSettings;
import org.majordome.dispatch.PermissionResolver;
import org.majordome.dispatch.PluginLifecycle;
import org.majordome.dispatch.PluginRegistry;
import org.majordome.dispatch.PluginServices;
import org.majordome.script.ScriptPlugin;
import org.majordome.text.SenderLanguages;
import org.majordome.text.TextService;
import org.majordome.text.TextSettings;

/**
 * Runs real plugins through the real runtime (registry, lifecycle, dispatcher, command stage) over scripted
 * rooms, a scripted one-to-one chat and a hand-moved clock. By default everything happens on the test's
 * thread: when {@link TestRoom#say} returns, every handler and command has run and its actions are recorded.
 *
 * <pre>{@code
 * PluginTestKit kit = PluginTestKit.builder()
 *         .plugin(new DicePlugin(), new DiceConfig(6))
 *         .room("lobby@conference.example.org")
 *         .start();
 * TestRoom room = kit.room("lobby@conference.example.org");
 * room.join("alice", Role.PARTICIPANT);
 * room.say("alice", "!roll 2d6");
 * assertThat(room.botSaid()).singleElement().asString().startsWith("alice rolled");
 * }</pre>
 */
public final class PluginTestKit implements AutoCloseable {

    private final TestClock clock = new TestClock();
    private final Map<String, TestRoom> rooms = new LinkedHashMap<>();
    private final TestDirectChat directChat = new TestDirectChat(this);
    private final KitResources resources = new KitResources();
    private final SenderLanguages senderLanguages = new SenderLanguages();
    private final Locale language;
    private final TextService texts;
    private final PluginRegistry registry;
    private final PluginLifecycle lifecycle;
    private final Dispatcher dispatcher;
    private final List<String> startProblems;
    /** Published during a delivery on the test's thread, delivered when it ends. Test thread only. */
    private final java.util.ArrayDeque<BotEvent> published = new java.util.ArrayDeque<>();
    private boolean delivering;

    private PluginTestKit(Builder builder) {
        language = builder.language;
        texts = new TextService(new TextSettings(builder.language, ZoneOffset.UTC, builder.texts), senderLanguages,
                plugin -> plugin instanceof ScriptPlugin script ? Optional.of(script.file()) : Optional.empty());
        Map<String, List<String>> enabledByRoom = new LinkedHashMap<>();
        List<String> allIds = builder.plugins.stream().map(Plugin::id).toList();
        builder.rooms.forEach((jid, ids) -> {
            rooms.put(jid, new TestRoom(jid, this));
            enabledByRoom.put(jid, ids.orElse(allIds));
        });
        registry = PluginRegistry.build(builder.plugins, enabledByRoom);
        if (!registry.problems().isEmpty()) {
            throw new IllegalStateException("the plugins cannot be loaded:\n  " + String.join("\n  ", registry.problems()));
        }
        CommandTable commands = new CommandTable();
        lifecycle = new PluginLifecycle(registry, commands, new GivenConfigs(builder.configs), services());
        dispatcher = new Dispatcher(registry, commands, new PermissionResolver(builder.botAdmins), new KitRooms(),
                directChat.handle(), builder.settings, texts, clock, builder.drainExecutor, builder.handlerExecutor);
        // Events plugins publish go through the real dispatcher, as in the bot. On the test's thread, one published
        // during a delivery waits for it to end: the dispatcher never runs a plugin's lane inside another's.
        boolean onTestThread = builder.handlerExecutor == Builder.SAME_THREAD;
        lifecycle.publishTo(event -> onTestThread ? publishAfterDelivery(event) : dispatcher.offer(event));
        startProblems = lifecycle.startAll();
        if (!startProblems.isEmpty() && !builder.tolerateStartProblems) {
            lifecycle.stopAll();
            throw new IllegalStateException("plugins failed to start:\n  " + String.join("\n  ", startProblems));
        }
    }

    /**
     * The services every plugin context hands out. Per-plugin services the runtime adds (storage, scheduler)
     * get their in-memory versions here, so that every kit test has them without asking.
     */
    private PluginServices services() {
        return new PluginServices(new KitRooms(), directChat.handle(), clock, resources, texts);
    }

    /** The bot's language ({@link Builder#language}), which rooms speak unless {@link TestRoom#withLanguage} says otherwise. */
    Locale language() {
        return language;
    }

    /** Where {@link TestRoom#declaresLanguage} and {@link TestDirectChat#declaresLanguage} record a sender's language. */
    SenderLanguages senderLanguages() {
        return senderLanguages;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * What the kit's plugins say of {@code nick} in {@code roomJid} through their
     * {@link org.majordome.api.room.NickCheck}s, as the web chat's nick chooser asks them: the first refusal, if any.
     */
    public Optional<String> nickRefusal(String roomJid, String nick) {
        return resources.nickChecks().refusal(roomJid, nick);
    }

    /** A room declared with {@link Builder#room}. */
    public TestRoom room(String roomJid) {
        TestRoom room = rooms.get(roomJid.toLowerCase(Locale.ROOT));
        if (room == null) {
            throw new IllegalArgumentException("no room " + roomJid + " in this kit; declare it with builder().room(...)"
                    + " (declared: " + rooms.keySet() + ")");
        }
        return room;
    }

    /** The publish-subscribe nodes plugins read, follow and publish to (in memory). */
    public TestNodes pubsub() {
        return resources.nodes();
    }

    /** One-to-one chats with the bot. */
    public TestDirectChat directChat() {
        return directChat;
    }

    /** The clock plugins, the dispatcher and the kit's events use. */
    public TestClock clock() {
        return clock;
    }

    /**
     * Hands any event to the dispatcher, for what the room scripts do not cover.
     *
     * @return false when the dispatcher shed it
     */
    public boolean deliver(BotEvent event) {
        boolean outermost = !delivering;
        delivering = true;
        try {
            boolean accepted = dispatcher.offer(event);
            while (outermost && !published.isEmpty()) {
                dispatcher.offer(published.removeFirst());
            }
            return accepted;
        } finally {
            if (outermost) {
                delivering = false;
            }
        }
    }

    /** An event a plugin published on the test's thread: after the delivery under way, if any, else now. */
    private boolean publishAfterDelivery(BotEvent event) {
        if (delivering) {
            published.addLast(event);
            return true;
        }
        return deliver(event);
    }

    /** The real dispatcher, for its statistics. */
    public Dispatcher dispatcher() {
        return dispatcher;
    }

    /**
     * An administration command a plugin offers now ({@code context.adminCommands()}), to run it as an
     * administrator would: {@code kit.adminCommand("moderation/cases").orElseThrow().run(new AdminRequest(...))}.
     */
    public java.util.Optional<org.majordome.api.admin.AdminCommand> adminCommand(String node) {
        return resources.adminCommandCatalog().command(node);
    }

    /**
     * A console section a plugin offers now ({@code context.consoleSections()}), to list, show and act on its rows
     * as the console would: {@code kit.consoleSection("cases").orElseThrow().list(query)}.
     */
    public java.util.Optional<org.majordome.api.console.ConsoleSection> consoleSection(String id) {
        return resources.consoleSectionCatalog().section(id);
    }

    /** The console sections plugins offer now, as the console's catalog holds them. */
    public org.majordome.console.SectionCatalog consoleSections() {
        return resources.consoleSectionCatalog();
    }

    /** The storage a plugin gets, to check what it keeps (e.g. what it had stored when an action left). */
    public org.majordome.api.storage.PluginStorage storage(String pluginId) {
        return resources.storage(pluginId);
    }

    /** The scheduler a plugin gets, to check which jobs it holds. */
    public org.majordome.api.schedule.PluginScheduler scheduler(String pluginId) {
        return resources.scheduler(pluginId);
    }

    /** The problems of plugins that failed to start (only with {@link Builder#tolerateStartProblems()}). */
    public List<String> startProblems() {
        return startProblems;
    }

    /**
     * Stops every plugin (its {@code stop()} runs, its commands go away) while the dispatcher keeps running, as
     * when a plugin is unloaded: to test what a plugin does on stop and that it gets nothing afterwards.
     */
    public void stopPlugins() {
        lifecycle.stopAll();
    }

    /**
     * Stops every plugin and starts it again over the same storage, as a restart of the bot would: to test that
     * what a plugin promises across restarts (a reminder sent once, a counter kept) holds. The plugin objects are
     * the same ones, so a plugin passes only if its {@code start} rebuilds whatever it keeps in fields; in-memory
     * jobs are cancelled by the stop and scheduled again by the start.
     *
     * @return the problems of plugins that failed to start again; empty when all run
     */
    public List<String> restartPlugins() {
        lifecycle.stopAll();
        return lifecycle.startAll();
    }

    /**
     * Disables a plugin as an operator does in the console: it stays started but is handed nothing (no event, no
     * command, not even one queued before), until {@link #enable}.
     */
    public void disable(String pluginId) {
        registry.pause(pluginId);
    }

    /** Ends a {@link #disable}: the plugin gets what comes from now on. */
    public void enable(String pluginId) {
        registry.resume(pluginId);
    }

    /** Stops as the bot does: the dispatcher delivers what is queued and takes no more, then the plugins stop. */
    @Override
    public void close() {
        dispatcher.shutdown(Duration.ofSeconds(5));
        lifecycle.stopAll();
        resources.close();
    }

    private final class KitRooms implements Rooms {
        @Override
        public Optional<RoomHandle> room(String roomJid) {
            return Optional.ofNullable(rooms.get(roomJid.toLowerCase(Locale.ROOT))).map(TestRoom::handle);
        }

        @Override
        public Collection<RoomHandle> all() {
            return rooms.values().stream().map(TestRoom::handle).toList();
        }
    }

    /** Hands each plugin the configuration instance the test gave for it. */
    private record GivenConfigs(Map<String, Object> byPluginId) implements ConfigBinder {
        @Override
        public <C> C bind(String pluginId, Class<C> configType) throws ConfigBindingException {
            Object config = byPluginId.get(pluginId);
            if (config == null) {
                throw new ConfigBindingException(List.of("plugins." + pluginId
                        + ": the test kit has no configuration for it; pass one with builder().plugin(plugin, config)"));
            }
            if (!configType.isInstance(config)) {
                throw new ConfigBindingException(List.of("plugins." + pluginId + ": the test kit was given a "
                        + config.getClass().getName() + " but the plugin takes a " + configType.getName()));
            }
            return configType.cast(config);
        }
    }

    /** Declares plugins, rooms and settings; {@link #start()} builds and starts the kit. */
    public static final class Builder {
        private final List<Plugin<?>> plugins = new ArrayList<>();
        private final Map<String, Object> configs = new HashMap<>();
        private final Map<String, Optional<List<String>>> rooms = new LinkedHashMap<>();
        private final List<String> botAdmins = new ArrayList<>();
        private DispatcherSettings settings = DispatcherSettings.defaults();
        /** The default executor: everything on the test's thread. */
        static final Executor SAME_THREAD = Runnable::run;
        private Executor drainExecutor = SAME_THREAD;
        private Executor handlerExecutor = SAME_THREAD;
        private boolean tolerateStartProblems;
        private Locale language = Locale.ENGLISH;
        private final Map<String, Map<String, Map<String, String>>> texts = new HashMap<>();

        private Builder() {
        }

        /** The bot's language ({@code runtime.language}; default English): rooms' and users' unless they say otherwise. */
        public Builder language(Locale language) {
            this.language = Objects.requireNonNull(language, "language");
            return this;
        }

        /** A keeper's replacement of one text of a plugin in a room ({@code rooms[].texts.<plugin>.<key>}). */
        public Builder text(String roomJid, String pluginId, String key, String text) {
            texts.computeIfAbsent(roomJid.toLowerCase(Locale.ROOT), room -> new HashMap<>())
                    .computeIfAbsent(pluginId, plugin -> new HashMap<>()).put(key, text);
            return this;
        }

        /** A plugin without configuration (its config type is {@code NoConfig}). */
        public Builder plugin(Plugin<?> plugin) {
            plugins.add(Objects.requireNonNull(plugin, "plugin"));
            return this;
        }

        /** A plugin and the configuration it gets, as the runtime would bind it from the file. */
        public <C> Builder plugin(Plugin<C> plugin, C config) {
            plugins.add(Objects.requireNonNull(plugin, "plugin"));
            configs.put(plugin.id(), Objects.requireNonNull(config, "config"));
            return this;
        }

        /** A room the bot keeps, with every plugin enabled in it (in the order they were added). */
        public Builder room(String roomJid) {
            rooms.put(roomJid.toLowerCase(Locale.ROOT), Optional.empty());
            return this;
        }

        /** A room the bot keeps, with only these plugins enabled, in this order. */
        public Builder room(String roomJid, String firstPluginId, String... morePluginIds) {
            List<String> ids = new ArrayList<>();
            ids.add(firstPluginId);
            ids.addAll(List.of(morePluginIds));
            return room(roomJid, ids);
        }

        /** A room the bot keeps, with only these plugins enabled, in this order; none for a room without plugins. */
        public Builder room(String roomJid, List<String> enabledPluginIds) {
            rooms.put(roomJid.toLowerCase(Locale.ROOT), Optional.of(List.copyOf(enabledPluginIds)));
            return this;
        }

        /** A room the bot keeps without any plugin in it. */
        public Builder roomWithoutPlugins(String roomJid) {
            return room(roomJid, List.of());
        }

        /** Bot admins' bare JIDs ({@code Permission.BOT_ADMIN}). */
        public Builder botAdmins(String... bareJids) {
            botAdmins.addAll(List.of(bareJids));
            return this;
        }

        /** Dispatcher settings: command prefix, rate limits... (default {@link DispatcherSettings#defaults()}). */
        public Builder settings(DispatcherSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Runs queues and plugin calls on these executors instead of the test's thread; for tests of the
         * dispatcher's concurrency, which then wait with Awaitility.
         */
        public Builder executors(Executor drainExecutor, Executor handlerExecutor) {
            this.drainExecutor = Objects.requireNonNull(drainExecutor, "drainExecutor");
            this.handlerExecutor = Objects.requireNonNull(handlerExecutor, "handlerExecutor");
            return this;
        }

        /** Starts even when some plugins fail to start; read them from {@link PluginTestKit#startProblems()}. */
        public Builder tolerateStartProblems() {
            this.tolerateStartProblems = true;
            return this;
        }

        /**
         * Checks and starts the plugins.
         *
         * @throws IllegalStateException listing every problem when the plugins cannot be loaded or started
         */
        public PluginTestKit start() {
            return new PluginTestKit(this);
        }
    }
}
