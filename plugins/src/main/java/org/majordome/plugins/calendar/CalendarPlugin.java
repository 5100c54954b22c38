package org.majordome.plugins.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import net.fortuna.ical4j.model.Calendar;

import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.storage.KeyValueStore;
import org.majordome.api.storage.StorageOperations;
import org.majordome.plugins.calendar.CalendarConfig.Feed;
import org.majordome.plugins.calendar.CalendarConfig.RoomSettings;
import org.majordome.plugins.calendar.FeedFetcher.Outcome;
import org.majordome.plugins.calendar.FeedParser.MalformedFeedException;
import org.majordome.plugins.calendar.Occurrence.InstanceId;
import org.majordome.plugins.calendar.ReminderLedger.Reminded;

/** Shared agendas from iCalendar feeds; see the package documentation. */
public final class CalendarPlugin implements Plugin<CalendarConfig> {

    static final String HIDDEN_JIDS = "This room does not show me your real address, so I cannot write to you directly.";
    static final String STILL_LOADING = "The calendars are still loading; ask again in a moment.";
    private static final String FEED_PREFIX = "feed/";
    private static final String SUBSCRIBER_PREFIX = "subscriber/";
    /** Events that started less than this ago still count as "ongoing" for the agenda window. */
    private static final Duration LOOK_BACK = Duration.ofDays(1);
    /** How long expanded instances are reused before they are computed again for the moving window. */
    private static final Duration EXPANSION_REUSE = Duration.ofHours(1);
    /** What the ledger keeps of past events, for moves and cancellations noticed late. */
    private static final Duration LEDGER_KEEP = Duration.ofDays(7);

    /** The last good copy of each feed, parsed. */
    private final Map<String, LoadedFeed> loaded = new ConcurrentHashMap<>();
    /** Feeds whose last fetch failed: their failure is logged once per streak. */
    private final Map<String, Boolean> failing = new ConcurrentHashMap<>();
    private final Object refreshLock = new Object();
    private final Object tickLock = new Object();
    /**
     * Bumped after every change of {@link #loaded}. An expansion remembers the version it was computed from, so
     * that one computed while a feed was being replaced is not reused for an hour (it was, with a plain reset).
     */
    private final AtomicLong feedsVersion = new AtomicLong();
    private volatile Expansion expansion;
    /** False until the first fetch of every feed has been tried: until then "nothing" may only mean "not yet". */
    private volatile boolean firstRefreshDone;
    private volatile Instant lastSweep = Instant.MIN;
    private volatile PluginContext<CalendarConfig> context;
    private volatile FeedFetcher fetcher;
    private volatile ReminderLedger ledger;

    @Override
    public String id() {
        return "calendar";
    }

    @Override
    public Class<CalendarConfig> configType() {
        return CalendarConfig.class;
    }

    @Override
    public void start(PluginContext<CalendarConfig> context) {
        this.context = context;
        CalendarConfig config = context.config();
        fetcher = new FeedFetcher(config.httpTimeout());
        ledger = new ReminderLedger(context.storage());
        loaded.clear();
        failing.clear();
        firstRefreshDone = false;
        for (Feed feed : config.feeds()) {
            feed.rooms().orElse(List.of()).stream().filter(jid -> context.rooms().room(jid).isEmpty())
                    .forEach(jid -> context.logger().warn("feed '{}' names room {}, which the bot does not keep",
                            feed.name(), jid));
            restoreLastGoodCopy(feed);
        }
        feedsVersion.incrementAndGet();
        for (RoomHandle room : context.enabledRooms()) {
            RoomSettings settings = config.forRoom(room.roomJid());
            if (!settings.dailyAgenda().isBlank() && !settings.feeds().isEmpty()) {
                String roomJid = room.roomJid();
                context.scheduler().room(roomJid).cron("daily-agenda", settings.dailyAgenda(), settings.zone(),
                        firing -> postDailyAgenda(roomJid));
            }
        }
        // Fetching runs on the scheduler's threads, never on a room's event queue: a slow server delays nothing else.
        context.scheduler().once("first-refresh", context.clock().instant(), firing -> refreshFeeds());
        context.scheduler().every("refresh", config.refresh(), firing -> refreshFeeds());
        context.scheduler().every("tick", config.tick(), firing -> tick());
    }

    // ---------------------------------------------------------------------------------------------- feeds

    private record LoadedFeed(Calendar calendar, Optional<String> etag, Optional<String> lastModified) {
    }

    /** Fetches every feed once; a feed that fails keeps its last good copy and the others go on. */
    void refreshFeeds() {
        synchronized (refreshLock) {
            for (Feed feed : context.config().feeds()) {
                try {
                    refresh(feed);
                } catch (RuntimeException e) {
                    failed(feed, "unexpected " + e);
                }
            }
            firstRefreshDone = true;
        }
    }

    private void refresh(Feed feed) {
        LoadedFeed current = loaded.get(feed.name());
        Optional<String> etag = Optional.ofNullable(current).flatMap(LoadedFeed::etag);
        Optional<String> lastModified = Optional.ofNullable(current).flatMap(LoadedFeed::lastModified);
        Outcome outcome = fetcher.fetch(feed, etag, lastModified);
        switch (outcome) {
            case Outcome.NotModified notModified -> {
                if (current == null) {
                    // Validators without a copy cannot happen through this class; ask again in full next time.
                    failed(feed, "HTTP 304 without a cached copy");
                } else {
                    recovered(feed);
                }
            }
            case Outcome.Failed failed -> failed(feed, failed.reason());
            case Outcome.Fresh fresh -> {
                Calendar calendar;
                try {
                    calendar = FeedParser.parse(fresh.ics());
                } catch (MalformedFeedException e) {
                    failed(feed, e.getMessage());
                    return;
                }
                loaded.put(feed.name(), new LoadedFeed(calendar, fresh.etag(), fresh.lastModified()));
                feedsVersion.incrementAndGet();
                keepLastGoodCopy(feed, fresh);
                recovered(feed);
            }
        }
    }

    private void failed(Feed feed, String reason) {
        if (failing.put(feed.name(), true) == null) {
            context.logger().warn("feed '{}' ({}) could not be loaded: {}; {}", feed.name(), feed.source(), reason,
                    loaded.containsKey(feed.name()) ? "keeping the last good copy" : "no copy to fall back on");
        }
    }

    private void recovered(Feed feed) {
        if (failing.remove(feed.name()) != null) {
            context.logger().info("feed '{}' loads again", feed.name());
        }
    }

    private void keepLastGoodCopy(Feed feed, Outcome.Fresh fresh) {
        String prefix = FEED_PREFIX + feed.name() + "/";
        if (fresh.ics().length() > StorageOperations.MAX_VALUE_LENGTH) {
            context.logger().warn("feed '{}' is too large to keep for restarts ({} characters)", feed.name(),
                    fresh.ics().length());
            return;
        }
        context.storage().transaction(tx -> {
            tx.put(prefix + "ics", fresh.ics());
            fresh.etag().ifPresentOrElse(value -> tx.put(prefix + "etag", value), () -> tx.delete(prefix + "etag"));
            fresh.lastModified().ifPresentOrElse(value -> tx.put(prefix + "last-modified", value),
                    () -> tx.delete(prefix + "last-modified"));
        });
    }

    private void restoreLastGoodCopy(Feed feed) {
        String prefix = FEED_PREFIX + feed.name() + "/";
        Optional<String> ics = context.storage().get(prefix + "ics");
        if (ics.isEmpty()) {
            return;
        }
        try {
            loaded.put(feed.name(), new LoadedFeed(FeedParser.parse(ics.get()), context.storage().get(prefix + "etag"),
                    context.storage().get(prefix + "last-modified")));
        } catch (MalformedFeedException e) {
            context.logger().warn("the kept copy of feed '{}' is unreadable and is ignored: {}", feed.name(),
                    e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------ instances

    private record Expansion(long feedsVersion, Instant computedAt, Instant until,
            Map<String, List<Occurrence>> byFeed) {
    }

    /** The instances of each loaded feed from a day ago to {@code look-ahead} from now. */
    private Expansion expansion(Instant now) {
        // Read before the copies: a copy replaced during the computation leaves this expansion outdated.
        long version = feedsVersion.get();
        Expansion current = expansion;
        if (current != null && current.feedsVersion() == version && !now.isBefore(current.computedAt())
                && now.isBefore(current.computedAt().plus(EXPANSION_REUSE))) {
            return current;
        }
        Instant from = now.minus(LOOK_BACK);
        Instant until = now.plus(context.config().lookAhead());
        Map<String, List<Occurrence>> byFeed = new HashMap<>();
        for (Feed feed : context.config().feeds()) {
            LoadedFeed copy = loaded.get(feed.name());
            if (copy == null) {
                continue;
            }
            try {
                byFeed.put(feed.name(), FeedParser.occurrences(feed.name(), copy.calendar(), context.config().zone(),
                        from, until));
            } catch (RuntimeException e) {
                context.logger().warn("the events of feed '{}' could not be expanded: {}", feed.name(), e.toString());
            }
        }
        Expansion fresh = new Expansion(version, now, until, Map.copyOf(byFeed));
        expansion = fresh;
        return fresh;
    }

    /** The instances of the given feeds that have not ended at {@code now}, by start. */
    private List<Occurrence> upcoming(List<String> feeds, Instant now) {
        Expansion current = expansion(now);
        return feeds.stream().flatMap(name -> current.byFeed().getOrDefault(name, List.of()).stream())
                .filter(occurrence -> occurrence.end().isAfter(now) || occurrence.start().isAfter(now)
                        || occurrence.start().equals(now))
                .sorted(Comparator.comparing(Occurrence::start).thenComparing(Occurrence::summary))
                .toList();
    }

    // -------------------------------------------------------------------------------------------- reminders

    /**
     * Sends every reminder that is due and was not sent yet, and tells whoever was reminded of an instance when it
     * moved or was cancelled. Idempotent: running it twice at the same time sends nothing the second time.
     */
    void tick() {
        synchronized (tickLock) {
            Instant now = context.clock().instant();
            Map<String, List<String>> userFeeds = new HashMap<>();
            Map<String, ZoneId> userZones = new HashMap<>();
            Map<String, List<Duration>> userOffsets = new HashMap<>();
            for (RoomHandle room : context.enabledRooms()) {
                RoomSettings settings = context.config().forRoom(room.roomJid());
                if (settings.feeds().isEmpty()) {
                    continue;
                }
                if (room.joined()) {
                    // Expanding the feeds' recurrences is the tick's costly part: only for rooms it posts to.
                    List<Occurrence> upcoming = upcoming(settings.feeds(), now);
                    remind(ReminderLedger.roomTarget(room.roomJid()), upcoming, settings.reminders(), now,
                            settings.zone(), room::send);
                    announceChanges(ReminderLedger.roomTarget(room.roomJid()), settings.feeds(), now, settings.zone(),
                            room::send);
                }
                for (String jid : subscribers(room.roomJid())) {
                    userFeeds.computeIfAbsent(jid, key -> new ArrayList<>()).addAll(settings.feeds());
                    userZones.putIfAbsent(jid, settings.zone());
                    userOffsets.putIfAbsent(jid, settings.reminders());
                }
            }
            // A subscriber of several rooms hears of each instance once.
            userFeeds.forEach((jid, feeds) -> {
                List<String> distinct = feeds.stream().distinct().toList();
                remind(ReminderLedger.userTarget(jid), upcoming(distinct, now), userOffsets.get(jid), now,
                        userZones.get(jid), text -> context.directChat().send(jid, text));
                announceChanges(ReminderLedger.userTarget(jid), distinct, now, userZones.get(jid),
                        text -> context.directChat().send(jid, text));
            });
            if (lastSweep.isBefore(now.minus(Duration.ofDays(1))) || lastSweep.isAfter(now)) {
                ledger.sweep(now.minus(LEDGER_KEEP));
                lastSweep = now;
            }
        }
    }

    private void remind(String target, List<Occurrence> upcoming, List<Duration> offsets, Instant now, ZoneId zone,
                        Consumer<String> send) {
        for (Occurrence occurrence : upcoming) {
            if (!occurrence.start().isAfter(now)) {
                continue;
            }
            List<Duration> due = offsets.stream().filter(offset -> !occurrence.start().minus(offset).isAfter(now))
                    .toList();
            if (due.isEmpty()) {
                continue;
            }
            // Offsets are longest first: the last due one is the closest to now. Earlier ones that were missed
            // (downtime, a new subscriber) are claimed with it and not sent: one reminder is enough.
            Duration closest = due.get(due.size() - 1);
            List<Duration> claimed = ledger.claim(target, occurrence, due);
            if (claimed.contains(closest)) {
                ledger.remember(target, occurrence);
                send.accept(Texts.reminder(occurrence, now, zone));
            }
        }
    }

    private void announceChanges(String target, List<String> feeds, Instant now, ZoneId zone,
                                 Consumer<String> send) {
        Expansion current = expansion(now);
        for (Reminded reminded : ledger.reminded(target)) {
            InstanceId id = reminded.id();
            if (!feeds.contains(id.feed()) || !current.byFeed().containsKey(id.feed())
                    || !reminded.start().isAfter(now)) {
                continue;
            }
            Optional<Occurrence> latest = current.byFeed().get(id.feed()).stream()
                    .filter(occurrence -> occurrence.id().equals(id)).findFirst();
            if (latest.isEmpty()) {
                ledger.forget(reminded);
                send.accept(Texts.cancelled(reminded.summary(), reminded.start(), reminded.allDay(), zone));
            } else if (!latest.get().start().equals(reminded.start())) {
                ledger.remember(target, latest.get());
                send.accept(Texts.moved(latest.get(), reminded.start(), zone));
            }
        }
    }

    void postDailyAgenda(String roomJid) {
        Optional<RoomHandle> room = context.rooms().room(roomJid);
        if (room.isEmpty() || !room.get().joined()) {
            return;
        }
        RoomSettings settings = context.config().forRoom(roomJid);
        Instant now = context.clock().instant();
        LocalDate today = now.atZone(settings.zone()).toLocalDate();
        Instant endOfDay = today.plusDays(1).atStartOfDay(settings.zone()).toInstant();
        List<Occurrence> todays = upcoming(settings.feeds(), now).stream()
                .filter(occurrence -> occurrence.start().isBefore(endOfDay)).toList();
        if (!todays.isEmpty()) {
            room.get().send(Texts.today(todays, today, settings.zone()));
        }
    }

    // --------------------------------------------------------------------------------------------- commands

    @Command(name = "agenda", usage = "[days]", help = "Lists the coming events of this room's calendars.",
            maxArgs = 1)
    public void agenda(CommandInvocation invocation) {
        if (invocation.room().isEmpty()) {
            return;
        }
        RoomSettings settings = context.config().forRoom(invocation.room().get().roomJid());
        if (stillLoading(settings.feeds())) {
            invocation.reply(STILL_LOADING);
            return;
        }
        int days = settings.agendaDays();
        if (invocation.argument(0).isPresent()) {
            try {
                days = Integer.parseInt(invocation.argument(0).get());
            } catch (NumberFormatException e) {
                days = -1;
            }
            if (days < 1 || days > CalendarConfig.MAX_AGENDA_DAYS) {
                invocation.reply("Give a number of days from 1 to " + CalendarConfig.MAX_AGENDA_DAYS + ".");
                return;
            }
        }
        Instant now = context.clock().instant();
        Instant until = now.plus(Duration.ofDays(days));
        List<Occurrence> coming = upcoming(settings.feeds(), now).stream()
                .filter(occurrence -> occurrence.start().isBefore(until)).toList();
        invocation.reply(Texts.agenda(coming, days, settings.zone()));
    }

    @Command(name = "next", help = "Says which event of this room's calendars comes next.", maxArgs = 0)
    public void next(CommandInvocation invocation) {
        if (invocation.room().isEmpty()) {
            return;
        }
        RoomSettings settings = context.config().forRoom(invocation.room().get().roomJid());
        if (stillLoading(settings.feeds())) {
            invocation.reply(STILL_LOADING);
            return;
        }
        Instant now = context.clock().instant();
        Optional<Occurrence> next = upcoming(settings.feeds(), now).stream()
                .filter(occurrence -> occurrence.start().isAfter(now)).findFirst();
        invocation.reply(next.map(occurrence -> Texts.next(occurrence, now, settings.zone()))
                .orElse("Nothing on the agenda in the next " + context.config().lookAhead().toDays() + " days."));
    }

    /** True while none of {@code feeds} has a copy yet and their first fetch has not finished. */
    private boolean stillLoading(List<String> feeds) {
        return !firstRefreshDone && !feeds.isEmpty() && feeds.stream().noneMatch(loaded::containsKey);
    }

    @Command(name = "subscribe", help = "Sends you this room's event reminders by direct message.", maxArgs = 0)
    public void subscribe(CommandInvocation invocation) {
        Optional<String> jid = subscriberJid(invocation);
        if (jid.isEmpty()) {
            return;
        }
        KeyValueStore store = context.storage().room(invocation.room().orElseThrow().roomJid());
        if (store.get(SUBSCRIBER_PREFIX + jid.get()).isPresent()) {
            invocation.reply("You are already subscribed to this room's reminders.");
            return;
        }
        store.put(SUBSCRIBER_PREFIX + jid.get(), context.clock().instant().toString());
        invocation.reply("You will get this room's event reminders by direct message. !unsubscribe stops them.");
    }

    @Command(name = "unsubscribe", help = "Stops the reminders by direct message.", maxArgs = 0)
    public void unsubscribe(CommandInvocation invocation) {
        Optional<String> jid = subscriberJid(invocation);
        if (jid.isEmpty()) {
            return;
        }
        boolean was = context.storage().room(invocation.room().orElseThrow().roomJid())
                .delete(SUBSCRIBER_PREFIX + jid.get());
        invocation.reply(was ? "You will no longer get this room's reminders by direct message."
                : "You were not subscribed to this room's reminders.");
    }

    private Optional<String> subscriberJid(CommandInvocation invocation) {
        if (invocation.room().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> jid = invocation.sender().bareJid().map(value -> value.toLowerCase(Locale.ROOT));
        if (jid.isEmpty()) {
            invocation.reply(HIDDEN_JIDS);
        }
        return jid;
    }

    private List<String> subscribers(String roomJid) {
        return context.storage().room(roomJid).keys(SUBSCRIBER_PREFIX).stream()
                .map(key -> key.substring(SUBSCRIBER_PREFIX.length())).toList();
    }
}
