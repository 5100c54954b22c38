package org.majordome.plugins.welcome;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
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
import org.majordome.api.event.RoomJoinedEvent;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.storage.KeyValueStore;
import org.majordome.api.storage.StorageOperations;
import org.majordome.api.storage.ValueCodec;

/** Greets newcomers and answers {@code !rules}; see the package documentation. */
public final class WelcomePlugin implements Plugin<WelcomeConfig> {

    /** The job that ends a join flood once the room has been quiet for a flood window. */
    static final String FLOOD_END_JOB = "flood-end";
    static final String NO_RULES = "No rules have been set for this room.";
    private static final String SEEN_PREFIX = "seen/";

    private final Map<String, RoomState> states = new ConcurrentHashMap<>();
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
    }

    @OnEvent
    public void onBotJoined(RoomJoinedEvent event) {
        RoomState state = state(event.roomJid());
        synchronized (state) {
            state.botJoinedAt = Optional.of(context.clock().instant());
        }
    }

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

        RoomState state = state(room.roomJid());
        synchronized (state) {
            if (state.botJoinedAt.isPresent()
                    && now.isBefore(state.botJoinedAt.get().plus(settings.settleAfterJoin()))) {
                return;
            }
            if (state.countJoin(now, settings)) {
                // Re-arming the job with the same name replaces it: it fires one window after the last flood join.
                context.scheduler().room(room.roomJid()).every(FLOOD_END_JOB, settings.floodWindow(),
                        firing -> endFlood(room.roomJid()));
                return;
            }
        }
        if (lastSeen.isPresent() && Duration.between(lastSeen.get(), now).compareTo(settings.rejoinCooldown()) < 0) {
            return;
        }
        String template = lastSeen.isPresent() ? settings.returning() : settings.firstTime();
        String text = fill(template, room, settings)
                .replace("{nick}", event.occupant().nick()).strip();
        if (text.isEmpty()) {
            return;
        }
        switch (settings.delivery()) {
            case PUBLIC -> room.send(text);
            case PRIVATE -> room.sendPrivate(event.occupant().nick(), text);
        }
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
            invocation.reply(rules.isEmpty() ? NO_RULES : rules);
        });
    }

    /** Ends a room's join flood: one summary for everyone who joined during it without a greeting. */
    void endFlood(String roomJid) {
        Optional<RoomHandle> found = context.rooms().room(roomJid);
        RoomState state = state(roomJid);
        int newcomers;
        synchronized (state) {
            context.scheduler().room(roomJid).cancel(FLOOD_END_JOB);
            newcomers = state.endFlood();
        }
        if (found.isEmpty() || newcomers == 0) {
            return;
        }
        WelcomeConfig settings = context.config().forRoom(roomJid);
        context.logger(roomJid).info("join flood over: {} newcomers were not greeted one by one", newcomers);
        String text = fill(settings.floodSummary(), found.get(), settings)
                .replace("{newcomers}", Integer.toString(newcomers)).strip();
        if (!text.isEmpty()) {
            found.get().send(text);
        }
    }

    private static String fill(String template, RoomHandle room, WelcomeConfig settings) {
        String roomName = room.title().filter(title -> !title.isBlank())
                .orElseGet(() -> room.roomJid().substring(0, Math.max(0, room.roomJid().indexOf('@'))));
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

    private RoomState state(String roomJid) {
        return states.computeIfAbsent(roomJid.toLowerCase(Locale.ROOT), jid -> new RoomState());
    }

    /** What the plugin remembers about one room between events; guarded by its own monitor. */
    private static final class RoomState {
        private Optional<Instant> botJoinedAt = Optional.empty();
        private final Deque<Instant> recentJoins = new ArrayDeque<>();
        private boolean flooding;
        private int ungreeted;

        /** Counts a join; true when it is part of a flood and must not be greeted on its own. */
        boolean countJoin(Instant now, WelcomeConfig settings) {
            recentJoins.addLast(now);
            Instant windowStart = now.minus(settings.floodWindow());
            while (!recentJoins.isEmpty() && !recentJoins.peekFirst().isAfter(windowStart)) {
                recentJoins.removeFirst();
            }
            if (flooding || recentJoins.size() > settings.floodJoins()) {
                flooding = true;
                ungreeted++;
                return true;
            }
            return false;
        }

        /** How many joined during the flood without a greeting; the room is calm again. */
        int endFlood() {
            int count = ungreeted;
            flooding = false;
            ungreeted = 0;
            recentJoins.clear();
            return count;
        }
    }
}
