package org.majordome.plugins.welcome;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.majordome.api.OnEvent;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.command.CommandScope;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.OccupantJoinedEvent;
import org.majordome.api.event.OccupantLeftEvent;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.storage.KeyValueStore;
import org.majordome.api.storage.StorageOperations;
import org.majordome.api.storage.ValueCodec;

/** Greets newcomers and answers {@code !rules}; see the package documentation. */
public final class WelcomePlugin implements Plugin<WelcomeConfig> {

    /** The job that ends a join flood once the room has been quiet for a flood window. */
    static final String FLOOD_END_JOB = "flood-end";
    /** The job that sends the greetings waiting once the room has had no join for a greeting delay. */
    static final String GREETING_JOB = "greeting";
    /** The shipped greetings: a room whose configuration keeps them gets the bundle's, in its language. */
    private static final WelcomeConfig DEFAULTS = WelcomeConfig.defaults();
    private static final String SEEN_PREFIX = "seen/";

    private final Map<String, Arrivals> states = new ConcurrentHashMap<>();
    private volatile PluginContext<WelcomeConfig> context;

    @Override
    public String id() {
        return "welcome";
    }

    @Override
    public Class<WelcomeConfig> configType() {
        return WelcomeConfig.class;
    }

    @Override
    public void start(PluginContext<WelcomeConfig> context) {
        this.context = context;
        if (context.config().setsSettleAfterJoin()) {
            context.logger().warn("settle-after-join no longer has any effect and can be removed: the occupants "
                    + "already there when the bot joins are never greeted, everyone who enters after it is, and "
                    + "greeting-delay groups a burst of joins into one summary");
        }
    }

    /**
     * Greets someone entering the room, after {@code greeting-delay} without another join. The occupants already
     * there when the bot joined get no join event: they are its join snapshot, not newcomers.
     */
    @OnEvent
    public void onJoin(OccupantJoinedEvent event) {
        Optional<RoomHandle> found = context.rooms().room(event.roomJid());
        if (found.isEmpty() || event.occupant().nick().equals(found.get().botNick())) {
            return;
        }
        RoomHandle room = found.get();
        WelcomeConfig settings = context.config().forRoom(room.roomJid());
        Instant now = context.clock().instant();
        String seenKey = seenKey(event.occupant());
        KeyValueStore store = context.storage().room(room.roomJid());
        Optional<Instant> lastSeen = store.get(seenKey, ValueCodec.INSTANT);
        store.put(seenKey, now, ValueCodec.INSTANT);
        boolean justSeen = lastSeen.isPresent()
                && Duration.between(lastSeen.get(), now).compareTo(settings.rejoinCooldown()) < 0;
        String text = justSeen ? "" : greeting(room, settings, lastSeen.isPresent(), event.occupant().nick());

        Arrivals state = state(room.roomJid());
        synchronized (state) {
            boolean greetingsWaiting = state.hasWaiting();
            if (state.countJoin(now, settings)) {
                // The flood's summary counts the greetings that were waiting; re-arming the job with the same name
                // replaces it: it fires one window after the last flood join.
                if (greetingsWaiting) {
                    context.scheduler().room(room.roomJid()).cancel(GREETING_JOB);
                }
                context.scheduler().room(room.roomJid()).every(FLOOD_END_JOB, settings.floodWindow(),
                        firing -> endFlood(room.roomJid()));
                return;
            }
            if (text.isEmpty()) {
                return;
            }
            if (!settings.greetingDelay().isZero()) {
                state.await(new Arrivals.Greeting(event.occupant().nick(), text));
                // Each newcomer restarts the wait, so that a burst ends in one summary.
                context.scheduler().room(room.roomJid()).every(GREETING_JOB, settings.greetingDelay(),
                        firing -> greetWaiting(room.roomJid()));
                return;
            }
        }
        deliver(room, settings, event.occupant().nick(), text);
    }

    @OnEvent
    public void onLeave(OccupantLeftEvent event) {
        // The cooldown runs from the end of a visit, so a long stay followed by a reconnect is not greeted.
        context.storage().room(event.roomJid()).put(seenKey(event.occupant()), context.clock().instant(),
                ValueCodec.INSTANT);
    }

    @Command(name = "rules", help = "Shows the rules of this room.", maxArgs = 0,
            scopes = {CommandScope.ROOM, CommandScope.PRIVATE})
    public void rules(CommandInvocation invocation) {
        invocation.room().ifPresent(room -> {
            String rules = context.config().forRoom(room.roomJid()).rules().strip();
            invocation.reply(rules.isEmpty() ? context.texts().format(invocation, "no-rules") : rules);
        });
    }

    /** Greets who waited: one greeting for one newcomer, one summary for several. */
    void greetWaiting(String roomJid) {
        Arrivals state = state(roomJid);
        List<Arrivals.Greeting> waiting;
        synchronized (state) {
            context.scheduler().room(roomJid).cancel(GREETING_JOB);
            waiting = state.takeWaiting();
        }
        Optional<RoomHandle> found = context.rooms().room(roomJid);
        if (found.isEmpty() || waiting.isEmpty()) {
            return;
        }
        WelcomeConfig settings = context.config().forRoom(roomJid);
        if (waiting.size() == 1) {
            deliver(found.get(), settings, waiting.getFirst().nick(), waiting.getFirst().text());
            return;
        }
        context.logger(roomJid).debug("{} newcomers within {} of each other: one summary", waiting.size(),
                settings.greetingDelay());
        summarize(found.get(), settings, waiting.size());
    }

    /** Ends a room's join flood: one summary for everyone who joined during it without a greeting. */
    void endFlood(String roomJid) {
        Optional<RoomHandle> found = context.rooms().room(roomJid);
        Arrivals state = state(roomJid);
        int newcomers;
        synchronized (state) {
            context.scheduler().room(roomJid).cancel(FLOOD_END_JOB);
            newcomers = state.endFlood();
        }
        if (found.isEmpty() || newcomers == 0) {
            return;
        }
        context.logger(roomJid).info("join flood over: {} newcomers were not greeted one by one", newcomers);
        summarize(found.get(), context.config().forRoom(roomJid), newcomers);
    }

    private void summarize(RoomHandle room, WelcomeConfig settings, int newcomers) {
        String text = settings.floodSummary().equals(DEFAULTS.floodSummary())
                ? context.texts().in(room).format("flood-summary", values(room, settings, "", newcomers)).strip()
                : fill(settings.floodSummary(), room, settings).replace("{newcomers}", Integer.toString(newcomers)).strip();
        if (!text.isEmpty()) {
            room.send(text);
        }
    }

    private static void deliver(RoomHandle room, WelcomeConfig settings, String nick, String text) {
        switch (settings.delivery()) {
            case PUBLIC -> room.send(text);
            case PRIVATE -> room.sendPrivate(nick, text);
        }
    }

    /**
     * A greeting: the keepers' template when the file sets one, else the plugin's own text in the room's language
     * (the defaults of {@link WelcomeConfig#defaults()} are the English ones, which mean "not set").
     */
    private String greeting(RoomHandle room, WelcomeConfig settings, boolean returning, String nick) {
        String configured = returning ? settings.returning() : settings.firstTime();
        String shipped = returning ? DEFAULTS.returning() : DEFAULTS.firstTime();
        if (configured.equals(shipped)) {
            return context.texts().in(room).format(returning ? "returning" : "first-time",
                    values(room, settings, nick, 0)).strip();
        }
        return fill(configured, room, settings).replace("{nick}", nick).strip();
    }

    private static Map<String, Object> values(RoomHandle room, WelcomeConfig settings, String nick, int newcomers) {
        return Map.of("room", roomName(room), "nick", nick, "count", room.occupants().size(),
                "rules", settings.rules().strip(), "newcomers", newcomers);
    }

    private static String roomName(RoomHandle room) {
        return room.title().filter(title -> !title.isBlank())
                .orElseGet(() -> room.roomJid().substring(0, Math.max(0, room.roomJid().indexOf('@'))));
    }

    private static String fill(String template, RoomHandle room, WelcomeConfig settings) {
        String roomName = roomName(room);
        return template.replace("{room}", roomName)
                .replace("{count}", Integer.toString(room.occupants().size()))
                .replace("{rules}", settings.rules().strip());
    }

    /**
     * Whom a visit belongs to: the real JID when the room shows it, else the room's stable occupant id
     * (XEP-0421), else the nick — the weakest, since anyone may take it, but good enough for a greeting.
     */
    static String seenKey(Occupant occupant) {
        String identity = occupant.realJid().map(jid -> "jid:" + jid.toLowerCase(Locale.ROOT))
                .or(() -> occupant.occupantId().map(id -> "occupant:" + id))
                .orElse("nick:" + occupant.nick());
        String key = SEEN_PREFIX + identity;
        return key.length() <= StorageOperations.MAX_KEY_LENGTH ? key : SEEN_PREFIX + "sha256:" + sha256(identity);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private Arrivals state(String roomJid) {
        return states.computeIfAbsent(roomJid.toLowerCase(Locale.ROOT), jid -> new Arrivals());
    }
}
