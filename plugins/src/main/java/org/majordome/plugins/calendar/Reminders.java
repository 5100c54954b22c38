package org.majordome.plugins.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.majordome.api.PluginContext;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.text.Wording;
import org.majordome.plugins.calendar.CalendarConfig.RoomSettings;
import org.majordome.plugins.calendar.Occurrence.InstanceId;
import org.majordome.plugins.calendar.ReminderLedger.Reminded;

/**
 * What the calendar says without being asked: reminders to rooms and to subscribers, and moves and cancellations
 * of what they were reminded of (the daily agenda is {@link DailyAgenda}). One per start of the plugin.
 */
final class Reminders {

    /** Storage keys of a room's subscribers, followed by their bare JID; the value is when they subscribed. */
    static final String SUBSCRIBER_PREFIX = "subscriber/";
    /** What the ledger keeps of past events, for moves and cancellations noticed late. */
    private static final Duration LEDGER_KEEP = Duration.ofDays(7);

    private final PluginContext<CalendarConfig> context;
    private final FeedCache feeds;
    private final ReminderLedger ledger;
    private final Object tickLock = new Object();
    private volatile Instant lastSweep = Instant.MIN;

    Reminders(PluginContext<CalendarConfig> context, FeedCache feeds) {
        this.context = context;
        this.feeds = feeds;
        this.ledger = new ReminderLedger(context.storage());
    }

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
            Map<String, Wording> userWordings = new HashMap<>();
            for (RoomHandle room : context.enabledRooms()) {
                RoomSettings settings = context.config().forRoom(room.roomJid());
                if (settings.feeds().isEmpty()) {
                    continue;
                }
                if (room.joined()) {
                    // Expanding the feeds' recurrences is the tick's costly part: only for rooms it posts to.
                    List<Occurrence> upcoming = feeds.upcoming(settings.feeds(), now);
                    Wording wording = context.texts().in(room);
                    remind(ReminderLedger.roomTarget(room.roomJid()), upcoming, settings.reminders(), now,
                            settings.zone(), wording, room::send);
                    announceChanges(ReminderLedger.roomTarget(room.roomJid()), settings.feeds(), now, settings.zone(),
                            wording, room::send);
                }
                for (String jid : subscribers(room.roomJid())) {
                    userFeeds.computeIfAbsent(jid, key -> new ArrayList<>()).addAll(settings.feeds());
                    userZones.putIfAbsent(jid, settings.zone());
                    // Their declared language, else that of the (first) room they subscribed in.
                    userWordings.putIfAbsent(jid, context.texts().toUser(jid, room));
                    userOffsets.putIfAbsent(jid, settings.reminders());
                }
            }
            // A subscriber of several rooms hears of each instance once.
            userFeeds.forEach((jid, subscribed) -> {
                List<String> distinct = subscribed.stream().distinct().toList();
                remind(ReminderLedger.userTarget(jid), feeds.upcoming(distinct, now), userOffsets.get(jid), now,
                        userZones.get(jid), userWordings.get(jid), text -> context.directChat().send(jid, text));
                announceChanges(ReminderLedger.userTarget(jid), distinct, now, userZones.get(jid),
                        userWordings.get(jid), text -> context.directChat().send(jid, text));
            });
            if (lastSweep.isBefore(now.minus(Duration.ofDays(1))) || lastSweep.isAfter(now)) {
                ledger.sweep(now.minus(LEDGER_KEEP));
                lastSweep = now;
            }
        }
    }

    private void remind(String target, List<Occurrence> upcoming, List<Duration> offsets, Instant now, ZoneId zone,
                        Wording wording, Consumer<String> send) {
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
                send.accept(Texts.reminder(wording, occurrence, now, zone));
            }
        }
    }

    private void announceChanges(String target, List<String> feedNames, Instant now, ZoneId zone, Wording wording,
                                 Consumer<String> send) {
        Map<String, List<Occurrence>> byFeed = feeds.instancesByFeed(now);
        for (Reminded reminded : ledger.reminded(target)) {
            InstanceId id = reminded.id();
            if (!feedNames.contains(id.feed()) || !byFeed.containsKey(id.feed()) || !reminded.start().isAfter(now)) {
                continue;
            }
            Optional<Occurrence> latest = byFeed.get(id.feed()).stream()
                    .filter(occurrence -> occurrence.id().equals(id)).findFirst();
            if (latest.isEmpty()) {
                if (ledger.settle(reminded, latest)) {
                    send.accept(Texts.cancelled(wording, reminded.summary(), reminded.start(), reminded.allDay(),
                            zone));
                }
            } else if (!latest.get().start().equals(reminded.start()) && ledger.settle(reminded, latest)) {
                send.accept(Texts.moved(wording, latest.get(), reminded.start(), zone));
            }
        }
    }

    private List<String> subscribers(String roomJid) {
        return context.storage().room(roomJid).keys(SUBSCRIBER_PREFIX).stream()
                .map(key -> key.substring(SUBSCRIBER_PREFIX.length())).toList();
    }
}
