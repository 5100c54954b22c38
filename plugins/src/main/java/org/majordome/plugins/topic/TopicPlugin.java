package org.majordome.plugins.topic;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

import org.majordome.api.DurationText;
import org.majordome.api.OnEvent;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.command.CommandScope;
import org.majordome.api.command.Permission;
import org.majordome.api.event.RoomJoinedEvent;
import org.majordome.api.event.SubjectChangedEvent;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.text.Wording;
import org.majordome.api.schedule.CatchUp;
import org.majordome.api.schedule.ScheduledJob;
import org.majordome.api.schedule.SchedulingException;
import org.majordome.api.storage.KeyValueStore;
import org.majordome.api.storage.ValueCodec;
import org.slf4j.Logger;

/** Rotates room subjects on a schedule; see the package documentation. */
public final class TopicPlugin implements Plugin<TopicConfig> {

    static final String ROTATE_JOB = "rotate";
    /** After repeated refusals, retry at most this many ticks apart. */
    static final int MAX_TICKS_BETWEEN_RETRIES = 64;
    private static final String NEXT_INDEX = "next-index";
    private static final String DECK = "deck";
    private static final String LAST_INDEX = "last-index";
    private static final String PAUSED_UNTIL = "paused-until";

    private final RandomGenerator random;
    private final Map<String, RoomState> states = new ConcurrentHashMap<>();
    private volatile PluginContext<TopicConfig> context;

    public TopicPlugin() {
        this(new Random());
    }

    /** With a chosen random source, so that tests know the shuffled order. */
    TopicPlugin(RandomGenerator random) {
        this.random = random;
    }

    @Override
    public String id() {
        return "topic";
    }

    @Override
    public Class<TopicConfig> configType() {
        return TopicConfig.class;
    }

    @Override
    public void start(PluginContext<TopicConfig> context) {
        this.context = context;
        for (RoomHandle room : context.enabledRooms()) {
            keepRotating(room.roomJid());
        }
    }

    /**
     * Starts the room's rotation timer unless it runs already: at the start for the rooms the bot keeps then, and at
     * each join for a room it keeps later (in a cluster, another instance's room taken over).
     */
    private void keepRotating(String roomJid) {
        TopicConfig settings = context.config().forRoom(roomJid);
        if (settings.subjects().isEmpty() || context.scheduler().room(roomJid).job(ROTATE_JOB).isPresent()) {
            return;
        }
        try {
            // No catch-up: a subject is about now; a missed change simply waits for the next fire time.
            context.scheduler().room(roomJid).cron(ROTATE_JOB, settings.schedule(), settings.zone(), CatchUp.NONE,
                    firing -> tick(roomJid));
        } catch (SchedulingException e) {
            // Checked when the file was read; an expression with a year may have run out since.
            context.logger(roomJid).warn("no rotation: {}",
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        }
    }

    /** One scheduled fire time in a room: rotate unless paused, backing off or out of the room. */
    void tick(String roomJid) {
        Optional<RoomHandle> room = context.rooms().room(roomJid);
        if (room.isEmpty() || !room.get().joined() || pausedUntil(roomJid).isPresent()) {
            return;
        }
        RoomState state = state(roomJid);
        synchronized (state) {
            if (state.ticksToSkip > 0) {
                state.ticksToSkip--;
                return;
            }
        }
        rotate(room.get());
    }

    @OnEvent
    public void onSubjectChanged(SubjectChangedEvent event) {
        if (event.byBot()) {
            return;
        }
        TopicConfig settings = context.config().forRoom(event.roomJid());
        if (settings.subjects().isEmpty()) {
            return;
        }
        Instant until = pauseFor(event.roomJid(), settings.pauseAfterManual());
        context.logger(event.roomJid()).info("{} set the subject by hand: rotation paused until {}",
                event.byNick().orElse("someone"), until);
    }

    @OnEvent
    public void onBotJoined(RoomJoinedEvent event) {
        // The bot may have come back with the privileges it lacked: try again at the next tick.
        RoomState state = state(event.roomJid());
        synchronized (state) {
            state.ticksToSkip = 0;
        }
        if (context.config().forRoom(event.roomJid()).subjects().isEmpty()) {
            return;
        }
        keepRotating(event.roomJid());
        // A room without a subject (one the bot has just created) gets its first one now rather than at the next
        // scheduled change, which may be a day away. The room shows its subject after this event.
        context.rooms().room(event.roomJid()).ifPresent(room -> room.subject().thenAccept(subject -> {
            if (subject.isEmpty() && room.joined() && pausedUntil(room.roomJid()).isEmpty()) {
                context.logger(room.roomJid()).info("the room has no subject: setting the first one now");
                rotate(room);
            }
        }));
    }

    @Command(name = "topic", usage = "[next | pause [duration] | resume]",
            help = "Rotating subject: shows when it changes next, or changes it now, pauses or resumes rotation.",
            permission = Permission.MODERATOR, maxArgs = 2, scopes = {CommandScope.ROOM, CommandScope.PRIVATE})
    public void topic(CommandInvocation invocation) {
        if (invocation.room().isEmpty()) {
            return;
        }
        RoomHandle room = invocation.room().get();
        TopicConfig settings = context.config().forRoom(room.roomJid());
        Wording wording = context.texts().replyTo(invocation);
        if (settings.subjects().isEmpty()) {
            invocation.reply(wording.format("no-subjects"));
            return;
        }
        String action = invocation.argument(0).orElse("").toLowerCase(Locale.ROOT);
        switch (action) {
            case "" -> invocation.reply(status(wording, room.roomJid(), settings));
            case "next" -> rotate(room).thenAccept(result -> invocation.reply(result.succeeded()
                    ? wording.format("changed") : wording.format("cannot-change", describe(result))));
            case "pause" -> {
                Optional<Duration> duration = invocation.argument(1).map(DurationText::parsePositive)
                        .orElse(Optional.of(settings.pauseAfterManual()));
                if (duration.isEmpty()) {
                    invocation.reply(wording.format("not-a-duration", invocation.argument(1).orElse("")));
                    return;
                }
                Instant until = pauseFor(room.roomJid(), duration.get());
                invocation.reply(wording.format("paused", when(wording, until, settings)));
            }
            case "resume" -> {
                context.storage().room(room.roomJid()).delete(PAUSED_UNTIL);
                invocation.reply(wording.format("resumed", status(wording, room.roomJid(), settings)));
            }
            default -> invocation.reply(wording.format("usage"));
        }
    }

    private String status(Wording wording, String roomJid, TopicConfig settings) {
        Optional<Instant> paused = pausedUntil(roomJid);
        if (paused.isPresent()) {
            return wording.format("status.paused", when(wording, paused.get(), settings));
        }
        return context.scheduler().room(roomJid).job(ROTATE_JOB).flatMap(ScheduledJob::nextFireTime)
                .map(next -> wording.format("status.next", when(wording, next, settings)))
                .orElse(wording.format("status.none"));
    }

    /** A moment in the rotation's zone, written as the language writes it ({@code format.when}, a java.time pattern). */
    private static String when(Wording wording, Instant instant, TopicConfig settings) {
        return DateTimeFormatter.ofPattern(wording.format("format.when"), wording.language())
                .format(instant.atZone(settings.zone()));
    }

    /** Sets the next subject now; moves on in the list only once the room accepted it. */
    private CompletionStage<ActionResult> rotate(RoomHandle room) {
        String roomJid = room.roomJid();
        TopicConfig settings = context.config().forRoom(roomJid);
        KeyValueStore store = context.storage().room(roomJid);
        int index;
        synchronized (state(roomJid)) {
            index = nextIndex(store, settings);
        }
        String subject = render(settings.subjects().get(index), settings);
        return room.setSubject(subject).thenApply(result -> {
            if (result.succeeded()) {
                succeeded(roomJid, store, settings, index);
            } else {
                failed(roomJid, result);
            }
            return result;
        });
    }

    private String render(String template, TopicConfig settings) {
        LocalDate today = LocalDate.now(context.clock().withZone(settings.zone()));
        return template.replace("{date}", settings.dateFormatter().format(today));
    }

    private int nextIndex(KeyValueStore store, TopicConfig settings) {
        int count = settings.subjects().size();
        if (settings.order() == TopicConfig.Order.IN_ORDER) {
            return (int) (store.get(NEXT_INDEX, ValueCodec.LONG).orElse(0L) % count);
        }
        List<Integer> deck = deck(store, count);
        if (deck.isEmpty()) {
            deck = shuffledDeck(count, store.get(LAST_INDEX, ValueCodec.LONG).map(Long::intValue));
            store.put(DECK, encode(deck));
        }
        return deck.getFirst();
    }

    private void succeeded(String roomJid, KeyValueStore store, TopicConfig settings, int shownIndex) {
        RoomState state = state(roomJid);
        synchronized (state) {
            int count = settings.subjects().size();
            if (settings.order() == TopicConfig.Order.IN_ORDER) {
                store.put(NEXT_INDEX, (long) (shownIndex + 1) % count, ValueCodec.LONG);
            } else {
                List<Integer> deck = new ArrayList<>(deck(store, count));
                deck.remove(Integer.valueOf(shownIndex));
                store.put(DECK, encode(deck));
                store.put(LAST_INDEX, (long) shownIndex, ValueCodec.LONG);
            }
            if (state.failures > 0) {
                context.logger(roomJid).info("the subject can be changed again after {} refused attempts",
                        state.failures);
            }
            state.failures = 0;
            state.ticksToSkip = 0;
        }
    }

    private void failed(String roomJid, ActionResult result) {
        RoomState state = state(roomJid);
        synchronized (state) {
            state.failures++;
            // Retry after 1, 2, 4... skipped ticks: a bot without the privilege does not hammer the room.
            state.ticksToSkip = Math.min(1 << Math.min(state.failures - 1, 30), MAX_TICKS_BETWEEN_RETRIES);
            Logger log = context.logger(roomJid);
            if (state.failures == 1) {
                log.warn("cannot change the subject ({}); retrying less and less often until it works",
                        describe(result));
            } else {
                log.debug("still cannot change the subject ({}), attempt {}", describe(result), state.failures);
            }
        }
    }

    private Instant pauseFor(String roomJid, Duration duration) {
        Instant until = context.clock().instant().plus(duration);
        context.storage().room(roomJid).put(PAUSED_UNTIL, until, ValueCodec.INSTANT);
        return until;
    }

    private Optional<Instant> pausedUntil(String roomJid) {
        Instant now = context.clock().instant();
        return context.storage().room(roomJid).get(PAUSED_UNTIL, ValueCodec.INSTANT).filter(now::isBefore);
    }

    /** The remaining round of a shuffle; subjects that no longer exist (configuration changed) are dropped. */
    private static List<Integer> deck(KeyValueStore store, int count) {
        return store.get(DECK).filter(text -> !text.isBlank()).map(text -> Arrays.stream(text.split(","))
                        .map(Integer::valueOf).filter(i -> i < count).toList())
                .orElse(List.of());
    }

    private List<Integer> shuffledDeck(int count, Optional<Integer> lastShown) {
        List<Integer> deck = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            deck.add(i);
        }
        Collections.shuffle(deck, random);
        if (count > 1 && lastShown.isPresent() && deck.getFirst().equals(lastShown.get())) {
            Collections.swap(deck, 0, 1 + random.nextInt(count - 1));
        }
        return deck;
    }

    private static String encode(List<Integer> deck) {
        return deck.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static String describe(ActionResult result) {
        return switch (result) {
            case ActionResult.Done done -> "done";
            case ActionResult.Refused refused -> refused.errorCondition()
                    + (refused.text().isEmpty() ? "" : ": " + refused.text());
            case ActionResult.NotSupported notSupported -> notSupported.why();
            case ActionResult.Failed failed -> failed.why();
        };
    }

    private RoomState state(String roomJid) {
        return states.computeIfAbsent(roomJid.toLowerCase(Locale.ROOT), jid -> new RoomState());
    }

    /** Refusal back-off of one room; guarded by its own monitor. Forgotten on restart, which is a fresh start. */
    private static final class RoomState {
        private int failures;
        private int ticksToSkip;
    }
}
