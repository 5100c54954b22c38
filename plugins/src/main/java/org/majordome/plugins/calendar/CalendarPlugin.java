package org.majordome.plugins.calendar;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.majordome.api.OnEvent;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.event.RoomJoinedEvent;
import org.majordome.api.text.Wording;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.storage.KeyValueStore;
import org.majordome.plugins.calendar.CalendarConfig.RoomSettings;

/**
 * Shared agendas from iCalendar feeds; see the package documentation. This class starts the plugin and answers
 * its commands; {@link FeedCache} keeps the feeds, {@link Reminders} and {@link DailyAgenda} speak unasked.
 */
public final class CalendarPlugin implements Plugin<CalendarConfig> {

    private volatile PluginContext<CalendarConfig> context;
    private volatile FeedCache feeds;
    private volatile Reminders reminders;
    private volatile DailyAgenda dailyAgenda;

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
        FeedCache startFeeds = new FeedCache(context);
        startFeeds.restoreKeptCopies();
        feeds = startFeeds;
        reminders = new Reminders(context, startFeeds);
        dailyAgenda = new DailyAgenda(context, startFeeds);
        for (RoomHandle room : context.enabledRooms()) {
            dailyAgenda.keep(room.roomJid());
        }
        // Fetching runs on the scheduler's threads, never on a room's event queue: a slow server delays nothing else.
        context.scheduler().once("first-refresh", context.clock().instant(), firing -> refreshFeeds());
        context.scheduler().every("refresh", config.refresh(), firing -> refreshFeeds());
        context.scheduler().every("tick", config.tick(), firing -> tick());
    }

    /** Fetches every feed once; a feed that fails keeps its last good copy and the others go on. */
    void refreshFeeds() {
        feeds.refreshAll();
    }

    /** Sends the reminders that are due and announces moves and cancellations; see {@link Reminders#tick()}. */
    void tick() {
        reminders.tick();
    }

    /** The room's agenda time came; see {@link DailyAgenda}. */
    void postDailyAgenda(String roomJid, Instant scheduledFor) {
        dailyAgenda.due(roomJid, scheduledFor);
    }

    /**
     * A room kept since the start (another instance's, taken over) gets its timer; an agenda that fell due today
     * while nobody was in the room is posted now (after a failover, a kick, a restart).
     */
    @OnEvent
    public void onJoined(RoomJoinedEvent event) {
        context.rooms().room(event.roomJid()).ifPresent(room -> dailyAgenda.joined(room));
    }

    @Command(name = "agenda", usage = "[days]", help = "Lists the coming events of this room's calendars.",
            maxArgs = 1)
    public void agenda(CommandInvocation invocation) {
        if (invocation.room().isEmpty()) {
            return;
        }
        RoomSettings settings = context.config().forRoom(invocation.room().get().roomJid());
        Wording wording = context.texts().replyTo(invocation);
        if (feeds.stillLoading(settings.feeds())) {
            invocation.reply(wording.format("still-loading"));
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
                invocation.reply(wording.format("days-range", CalendarConfig.MAX_AGENDA_DAYS));
                return;
            }
        }
        Instant now = context.clock().instant();
        Instant until = now.plus(Duration.ofDays(days));
        List<Occurrence> coming = feeds.upcoming(settings.feeds(), now).stream()
                .filter(occurrence -> occurrence.start().isBefore(until)).toList();
        invocation.reply(Texts.agenda(wording, coming, days, settings.zone()));
    }

    @Command(name = "next", help = "Says which event of this room's calendars comes next.", maxArgs = 0)
    public void next(CommandInvocation invocation) {
        if (invocation.room().isEmpty()) {
            return;
        }
        RoomSettings settings = context.config().forRoom(invocation.room().get().roomJid());
        Wording wording = context.texts().replyTo(invocation);
        if (feeds.stillLoading(settings.feeds())) {
            invocation.reply(wording.format("still-loading"));
            return;
        }
        Instant now = context.clock().instant();
        Optional<Occurrence> next = feeds.upcoming(settings.feeds(), now).stream()
                .filter(occurrence -> occurrence.start().isAfter(now)).findFirst();
        invocation.reply(next.map(occurrence -> Texts.next(wording, occurrence, now, settings.zone()))
                .orElse(wording.format("nothing-ahead", context.config().lookAhead().toDays())));
    }

    @Command(name = "subscribe", help = "Sends you this room's event reminders by direct message.", maxArgs = 0)
    public void subscribe(CommandInvocation invocation) {
        Optional<String> jid = subscriberJid(invocation);
        if (jid.isEmpty()) {
            return;
        }
        KeyValueStore store = context.storage().room(invocation.room().orElseThrow().roomJid());
        if (store.get(Reminders.SUBSCRIBER_PREFIX + jid.get()).isPresent()) {
            invocation.reply(context.texts().format(invocation, "subscribe.already"));
            return;
        }
        store.put(Reminders.SUBSCRIBER_PREFIX + jid.get(), context.clock().instant().toString());
        invocation.reply(context.texts().format(invocation, "subscribe.done"));
    }

    @Command(name = "unsubscribe", help = "Stops the reminders by direct message.", maxArgs = 0)
    public void unsubscribe(CommandInvocation invocation) {
        Optional<String> jid = subscriberJid(invocation);
        if (jid.isEmpty()) {
            return;
        }
        boolean was = context.storage().room(invocation.room().orElseThrow().roomJid())
                .delete(Reminders.SUBSCRIBER_PREFIX + jid.get());
        invocation.reply(context.texts().format(invocation, was ? "unsubscribe.done" : "unsubscribe.not-subscribed"));
    }

    private Optional<String> subscriberJid(CommandInvocation invocation) {
        if (invocation.room().isEmpty()) {
            return Optional.empty();
        }
        Optional<String> jid = invocation.sender().bareJid().map(value -> value.toLowerCase(Locale.ROOT));
        if (jid.isEmpty()) {
            invocation.reply(context.texts().format(invocation, "hidden-jids"));
        }
        return jid;
    }
}
