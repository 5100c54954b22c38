package org.majordome.app;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.majordome.api.Plugin;
import org.majordome.config.BotConfig;
import org.majordome.config.DispatchSettings;
import org.majordome.config.PluginConfigBinder;
import org.majordome.config.RoomSettings;
import org.majordome.dispatch.CommandTable;
import org.majordome.dispatch.DispatchStats;
import org.majordome.dispatch.Dispatcher;
import org.majordome.dispatch.DispatcherSettings;
import org.majordome.dispatch.PermissionResolver;
import org.majordome.dispatch.PluginError;
import org.majordome.dispatch.PluginLifecycle;
import org.majordome.dispatch.PluginRegistry;
import org.majordome.dispatch.PluginResources;
import org.majordome.dispatch.PluginServices;
import org.majordome.dispatch.RateLimitExemption;
import org.majordome.intake.EventSink;
import org.majordome.room.RoomKeeper;
import org.majordome.script.ScriptPlugin;
import org.majordome.text.TextService;
import org.majordome.text.TextSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One generation of the bot's plugins: checked, configured and started when built (so that an unknown
 * plugin or an invalid plugin section stops the start before anything connects), fed by the
 * dispatcher, and stopped as a whole (after the bot has left its rooms, or when a reload replaces it).
 */
final class PluginRuntime implements PluginPauses.Target {

    private static final Logger log = LoggerFactory.getLogger(PluginRuntime.class);
    private static final Duration DRAIN_TIMEOUT = Duration.ofSeconds(5);

    private final PluginRegistry registry;
    private final PluginLifecycle lifecycle;
    private final Dispatcher dispatcher;
    private volatile boolean running;

    /** @param enabledByRoom the ids of the plugins each room enables (its list, and its scripts), by room JID */
    PluginRuntime(BotConfig config, Map<String, List<String>> enabledByRoom, List<Plugin<?>> plugins, RoomKeeper rooms,
                  PluginResources resources, Clock clock) {
        // Rooms the file does not declare (joined on an invitation or by the ad-hoc join) run invitations.plugins.
        registry = PluginRegistry.build(plugins, enabledByRoom, config.invitations().plugins(),
                roomJid -> rooms.room(roomJid).isPresent());
        List<String> problems = new ArrayList<>(registry.problems().stream()
                .map(problem -> config.source() + ": " + problem).toList());
        if (!problems.isEmpty()) {
            throw new StartupException(problems);
        }
        CommandTable commands = new CommandTable();
        TextService texts = new TextService(textSettings(config), rooms.senderLanguages(),
                plugin -> plugin instanceof ScriptPlugin script ? Optional.of(script.file()) : Optional.empty());
        lifecycle = new PluginLifecycle(registry, commands, new PluginConfigBinder(config),
                new PluginServices(rooms, rooms, clock, resources, texts));
        List<String> startProblems = lifecycle.startAll();
        if (!startProblems.isEmpty()) {
            lifecycle.stopAll();
            throw new StartupException(startProblems);
        }
        DispatchSettings dispatch = config.dispatch();
        DispatcherSettings settings = DispatcherSettings.defaults()
                .withCommandPrefix(dispatch.commandPrefix())
                .withReplyRate(dispatch.repliesPerSender(), dispatch.replyPeriod())
                .withAnswerUnknownCommands(dispatch.answerUnknownCommands())
                .withQueueCapacity(dispatch.queueCapacity())
                .withHandlerTimeLimit(dispatch.handlerTimeLimit())
                .withRateLimitExempt(dispatch.rateLimitExempt().stream()
                        .map(group -> RateLimitExemption.valueOf(group.name()))
                        .collect(Collectors.toUnmodifiableSet()));
        List<String> admins = config.admins().stream().map(jid -> jid.toString().toLowerCase(Locale.ROOT)).toList();
        dispatcher = Dispatcher.onVirtualThreads(registry, commands, new PermissionResolver(admins), rooms, rooms,
                settings, texts, clock);
        lifecycle.publishTo(dispatcher::offer);
        running = true;
        log.info("Plugins running: {}", registry.ids());
    }

    /** The configuration's languages and the keepers' texts, by room. */
    static TextSettings textSettings(BotConfig config) {
        Map<String, Map<String, Map<String, String>>> overrides = new java.util.HashMap<>();
        for (RoomSettings room : config.rooms()) {
            if (!room.texts().overrides().isEmpty()) {
                overrides.put(room.jid().toString().toLowerCase(Locale.ROOT), room.texts().overrides());
            }
        }
        return new TextSettings(config.runtime().language(), config.runtime().timeZone(), overrides);
    }

    /** Whether a plugin of that id is registered in this generation. */
    boolean has(String pluginId) {
        return registry.contains(pluginId);
    }

    /**
     * Registers and starts one more plugin in this running generation (a script whose file appeared).
     *
     * @param roomJids the rooms that enable it
     * @return why it could not be added or started; empty when it runs
     */
    List<String> add(Plugin<?> plugin, List<String> roomJids) {
        if (!running) {
            return List.of("the plugins are stopping");
        }
        List<String> problems = registry.add(plugin, roomJids);
        return problems.isEmpty() ? lifecycle.start(plugin.id()) : problems;
    }

    /**
     * Plugins' own events ({@link org.majordome.api.PluginContext#publish}) go to {@code observers} (the event log,
     * a test's recorder) as well as to the plugins, like the events of the intake.
     */
    void publishAlsoTo(EventSink observers) {
        lifecycle.publishTo(event -> {
            observers.accept(event);
            return dispatcher.offer(event);
        });
    }

    EventSink sink() {
        return dispatcher::offer;
    }

    DispatchStats stats() {
        return dispatcher.stats();
    }

    /** The ids of this generation's plugins, scripts included. */
    List<String> ids() {
        return registry.ids();
    }

    /** Pauses a plugin (disabled by an operator): it stays started but is handed nothing. */
    @Override
    public void pause(String pluginId) {
        registry.pause(pluginId);
    }

    /** Ends a {@link #pause}. */
    @Override
    public void resume(String pluginId) {
        registry.resume(pluginId);
    }

    /** Each plugin's last failed call. */
    Map<String, PluginError> lastErrors() {
        return dispatcher.lastErrors();
    }

    void stop() {
        if (!running) {
            return;
        }
        running = false;
        if (!dispatcher.shutdown(DRAIN_TIMEOUT)) {
            log.warn("Some plugin calls were still running after {} s", DRAIN_TIMEOUT.toSeconds());
        }
        lifecycle.stopAll();
    }
}
