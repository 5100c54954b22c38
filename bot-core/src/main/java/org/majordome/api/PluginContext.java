package org.majordome.api;

import java.time.Clock;
import java.util.List;

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

/**
 * What the runtime gives one plugin: its configuration and the services it may use. Handed to
 * {@link Plugin#start(PluginContext)}; valid until {@link Plugin#stop()}.
 *
 * @param <C> the plugin's configuration type
 */
public interface PluginContext<C> {

    /** The plugin's id, as {@link Plugin#id()} returned it. */
    String pluginId();

    /** The plugin's configuration, bound and validated before start; {@link NoConfig#INSTANCE} when it has none. */
    C config();

    /** The rooms the bot keeps. */
    Rooms rooms();

    /**
     * The rooms this plugin is enabled in ({@code rooms[].plugins}), in configuration order: where its events
     * come from, and where a plugin that acts on its own (on a schedule) should act. A subset of
     * {@link #rooms()}.{@link Rooms#all() all()}.
     *
     * <p>It is read again at each call: in a cluster, an instance keeps only the rooms it holds, and takes others
     * over while it runs. A plugin that sets up a room's timers at start, for the rooms kept then, sets them up too
     * at the {@link org.majordome.api.event.RoomJoinedEvent} of a room it did not have (checking
     * {@code scheduler().room(jid).job(name)} first, as the shipped topic and calendar plugins do).
     */
    List<RoomHandle> enabledRooms();

    /** One-to-one chats with JIDs outside rooms. */
    DirectChat directChat();

    /** The bot's clock: use it instead of {@code Instant.now()} so tests can control time. */
    Clock clock();

    /**
     * A logger whose lines are tagged with this plugin's id (MDC key {@code plugin}). During handler and
     * command calls the room is tagged too (MDC key {@code room}).
     */
    Logger logger();

    /** A logger whose lines are tagged with this plugin's id and the given room (MDC keys {@code plugin}, {@code room}). */
    Logger logger(String roomJid);

    /** Commands this plugin offers besides its annotated ones; typically used in {@link Plugin#start}. */
    CommandRegistry commands();

    /**
     * This plugin's own persistent storage (per room with {@code storage().room(jid)}); what a call
     * reported as written survives a crash of the bot.
     */
    PluginStorage storage();

    /**
     * This plugin's scheduler: cron, interval and one-shot jobs, and persistent jobs that survive a
     * restart. In-memory jobs are cancelled when the plugin stops.
     */
    PluginScheduler scheduler();

    /**
     * Administration commands this plugin offers the bot's administrators (ad-hoc commands in their XMPP
     * client), e.g. a moderation log. Withdrawn when the plugin stops.
     *
     * @throws UnsupportedOperationException in a context that publishes none
     */
    default AdminCommands adminCommands() {
        throw new UnsupportedOperationException("this plugin context offers no administration commands");
    }

    /**
     * Reports an event this plugin made (an appeal filed or decided, a block-list hit, a visitor let in by the gate)
     * to every plugin enabled in the event's room, scripts and this plugin included, in the room's order like the
     * server's events. Never blocks.
     *
     * @return false when it was not queued: the runtime is starting or stopping, or the room's queue is full
     * @throws UnsupportedOperationException in a context that publishes no events
     */
    default boolean publish(PluginEvent event) {
        throw new UnsupportedOperationException("this plugin context publishes no events");
    }

    /**
     * Publish-subscribe (XEP-0060) through the bot's account: read, follow, publish and retract node items, and
     * keep nodes the bot owns (real-time block lists). What the plugin follows is released when it stops.
     *
     * @throws UnsupportedOperationException in a context that offers none
     */
    default PubSub pubsub() {
        throw new UnsupportedOperationException("this plugin context offers no publish-subscribe");
    }

    /**
     * Registers a check the bot asks before someone enters one of this plugin's rooms under a nick it chose through
     * the bot (a web chat visitor at the nick chooser): a refusal keeps them out of the room and is shown to them.
     * Several may be registered; all are forgotten when the plugin stops.
     *
     * @return the registration, whose {@code close()} withdraws the check sooner
     * @throws UnsupportedOperationException in a context that offers none
     */
    default NickCheck.Registration checkNicks(NickCheck check) {
        throw new UnsupportedOperationException("this plugin context takes no nick checks");
    }

    /**
     * This plugin's texts in every language it ships ({@code messages*.properties} beside the plugin class, see
     * {@link org.majordome.api.text}), formatted for a room, a command's sender or a user.
     *
     * @throws UnsupportedOperationException in a context that offers none
     */
    default Texts texts() {
        throw new UnsupportedOperationException("this plugin context offers no texts");
    }

    /**
     * Sections this plugin shows in the operator console in the browser (lists, details and actions as plain
     * data, see {@link org.majordome.api.console}), e.g. the moderation plugin's cases. Withdrawn when the plugin
     * stops.
     *
     * @throws UnsupportedOperationException in a context that has no console
     */
    default ConsoleSections consoleSections() {
        throw new UnsupportedOperationException("this plugin context has no console");
    }
}
