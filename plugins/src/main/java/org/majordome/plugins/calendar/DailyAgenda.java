package org.majordome.plugins.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.majordome.api.PluginContext;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.schedule.CronText;
import org.majordome.api.schedule.SchedulingException;
import org.majordome.api.storage.KeyValueStore;
import org.majordome.api.storage.ValueCodec;
import org.majordome.plugins.calendar.CalendarConfig.RoomSettings;

/**
 * The daily agenda of each room: today's events, posted at the room's {@code daily-agenda} time by the bot in the
 * room. When nobody was in the room at that time (a failover between instances of a cluster, a kick, a lost
 * connection, a restart), the agenda is posted when the bot joins the room next, if it is still the same day. It
 * goes out once per fire time, whoever posts it: posting claims the fire time in the room's storage, in one
 * transaction. A room the bot keeps for the first time is owed nothing from before.
 */
final class DailyAgenda {

    /** The timer's name in each room's scope. */
    static final String JOB = "daily-agenda";
    /** Room storage: the fire time whose agenda was last posted (or found empty). */
    static final String POSTED = "agenda/posted";
    /** Room storage: when the plugin first saw the bot in the room; no agenda from before is owed. */
    static final String KEPT_SINCE = "agenda/kept-since";

    private final PluginContext<CalendarConfig> context;
    private final FeedCache feeds;

    DailyAgenda(PluginContext<CalendarConfig> context, FeedCache feeds) {
        this.context = context;
        this.feeds = feeds;
    }

    /**
     * Starts the room's timer unless it runs already. Called at the plugin's start for the rooms the bot keeps then,
     * and at every join for those it keeps later (another instance's rooms, taken over).
     */
    void keep(String roomJid) {
        RoomSettings settings = context.config().forRoom(roomJid);
        if (settings.dailyAgenda().isBlank() || settings.feeds().isEmpty()
                || context.scheduler().room(roomJid).job(JOB).isPresent()) {
            return;
        }
        try {
            context.scheduler().room(roomJid).cron(JOB, settings.dailyAgenda(), settings.zone(),
                    firing -> due(roomJid, firing.scheduledFor()));
        } catch (SchedulingException e) {
            // Checked when the file was read; an expression with a year may have run out since.
            context.logger(roomJid).warn("no daily agenda: {}",
                    e.getCause() == null ? e.getMessage() : e.getCause().getMessage());
        }
    }

    /** The room's agenda time came: posted if the bot is in the room. */
    void due(String roomJid, Instant scheduledFor) {
        context.rooms().room(roomJid).filter(RoomHandle::joined).ifPresent(room -> post(room, scheduledFor));
    }

    /** The bot joined the room: posts an agenda that fell due today while nobody was in it. */
    void joined(RoomHandle room) {
        RoomSettings settings = context.config().forRoom(room.roomJid());
        if (settings.dailyAgenda().isBlank() || settings.feeds().isEmpty()) {
            return;
        }
        Instant now = context.clock().instant();
        KeyValueStore store = context.storage().room(room.roomJid());
        Instant keptSince = store.transactionResult(tx -> tx.get(KEPT_SINCE, ValueCodec.INSTANT).orElseGet(() -> {
            tx.put(KEPT_SINCE, now, ValueCodec.INSTANT);
            return now;
        }));
        Instant startOfToday = now.atZone(settings.zone()).toLocalDate().atStartOfDay(settings.zone()).toInstant();
        Instant after = keptSince.isAfter(startOfToday) ? keptSince : startOfToday.minusNanos(1);
        CronText.lastFireTime(settings.dailyAgenda(), settings.zone(), after, now)
                .ifPresent(missed -> post(room, missed));
        keep(room.roomJid());
    }

    /** Posts today's events for this fire time, unless it was posted already (by this instance or another). */
    private void post(RoomHandle room, Instant fireTime) {
        RoomSettings settings = context.config().forRoom(room.roomJid());
        if (!claim(context.storage().room(room.roomJid()), fireTime)) {
            return;
        }
        Instant now = context.clock().instant();
        LocalDate today = now.atZone(settings.zone()).toLocalDate();
        Instant endOfDay = today.plusDays(1).atStartOfDay(settings.zone()).toInstant();
        List<Occurrence> todays = feeds.upcoming(settings.feeds(), now).stream()
                .filter(occurrence -> occurrence.start().isBefore(endOfDay)).toList();
        if (!todays.isEmpty()) {
            room.send(Texts.today(context.texts().in(room), todays, today, settings.zone()));
        }
    }

    /**
     * Whether the fire time is still owed to the room, marking it posted if so. Written down before it goes out, as
     * reminders are: after a crash in between it is lost rather than repeated.
     */
    private static boolean claim(KeyValueStore store, Instant fireTime) {
        return store.transactionResult(tx -> {
            Optional<Instant> posted = tx.get(POSTED, ValueCodec.INSTANT);
            if (posted.isPresent() && !posted.get().isBefore(fireTime)) {
                return false;
            }
            tx.put(POSTED, fireTime, ValueCodec.INSTANT);
            return true;
        });
    }
}
