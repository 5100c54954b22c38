package org.majordome.dispatch;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.majordome.api.PluginContext;
import org.majordome.api.admin.AdminCommands;
import org.majordome.api.command.CommandRegistry;
import org.majordome.api.console.ConsoleSections;
import org.majordome.api.event.PluginEvent;
import org.majordome.api.pubsub.PubSub;
import org.majordome.api.room.DirectChat;
import org.majordome.api.room.NickCheck;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.room.Rooms;
import org.majordome.api.schedule.PluginScheduler;
import org.majordome.api.storage.PluginStorage;
import org.majordome.api.text.Texts;
import org.slf4j.Logger;

/** The runtime's {@link PluginContext}: the plugin's config plus the shared {@link PluginServices}. */
final class RuntimePluginContext<C> implements PluginContext<C> {

    private final String pluginId;
    private final Class<?> pluginClass;
    private final C config;
    private final PluginServices services;
    private final CommandRegistry commands;
    private final Logger logger;
    private final Map<String, Logger> roomLoggers = new ConcurrentHashMap<>();
    private final Predicate<String> enabledIn;
    private final Predicate<PluginEvent> events;
    private final Texts texts;

    RuntimePluginContext(String pluginId, Class<?> pluginClass, C config, PluginServices services,
                         CommandRegistry commands, Predicate<String> enabledIn, Predicate<PluginEvent> events,
                         Texts texts) {
        this.texts = texts;
        this.pluginId = pluginId;
        this.pluginClass = pluginClass;
        this.config = Objects.requireNonNull(config, "config");
        this.services = services;
        this.commands = commands;
        this.enabledIn = enabledIn;
        this.events = events;
        this.logger = PluginLoggers.forPlugin(pluginId, pluginClass);
    }

    @Override
    public String pluginId() {
        return pluginId;
    }

    @Override
    public C config() {
        return config;
    }

    @Override
    public Rooms rooms() {
        return services.rooms();
    }

    @Override
    public List<RoomHandle> enabledRooms() {
        return services.rooms().all().stream().filter(room -> enabledIn.test(room.roomJid())).toList();
    }

    @Override
    public DirectChat directChat() {
        return services.directChat();
    }

    @Override
    public Clock clock() {
        return services.clock();
    }

    @Override
    public Logger logger() {
        return logger;
    }

    @Override
    public Logger logger(String roomJid) {
        // Plugins ask for it per event; the tagging proxy is built once per room.
        return roomLoggers.computeIfAbsent(roomJid, room -> PluginLoggers.forPluginInRoom(pluginId, pluginClass, room));
    }

    @Override
    public CommandRegistry commands() {
        return commands;
    }

    @Override
    public PluginStorage storage() {
        return services.resources().storage(pluginId);
    }

    @Override
    public PluginScheduler scheduler() {
        return services.resources().scheduler(pluginId);
    }

    @Override
    public AdminCommands adminCommands() {
        return services.resources().adminCommands(pluginId);
    }

    @Override
    public ConsoleSections consoleSections() {
        return services.resources().consoleSections(pluginId);
    }

    @Override
    public boolean publish(PluginEvent event) {
        return events.test(java.util.Objects.requireNonNull(event, "event"));
    }

    @Override
    public PubSub pubsub() {
        return services.resources().pubsub(pluginId);
    }

    @Override
    public NickCheck.Registration checkNicks(NickCheck check) {
        java.util.Objects.requireNonNull(check, "check");
        // Asked only in this plugin's rooms, as its events come only from them.
        return services.resources().nickChecks().register(pluginId,
                (roomJid, nick) -> enabledIn.test(roomJid) ? check.refusal(roomJid, nick) : java.util.Optional.empty());
    }

    @Override
    public Texts texts() {
        return texts;
    }
}
