package org.majordome.plugins.notices;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
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
import org.majordome.api.event.RoomJoinedEvent;
import org.majordome.api.event.RoomMessageReceivedEvent;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.text.Wording;
import org.majordome.api.schedule.CatchUp;
import org.majordome.api.schedule.Firing;
import org.majordome.api.schedule.ScheduledJob;
import org.majordome.api.storage.KeyValueStore;
import org.majordome.api.storage.ValueCodec;
import org.majordome.plugins.notices.NoticesConfig.Notice;

/** Posts scheduled announcements; see the package documentation. */
public final class NoticesPlugin implements Plugin<NoticesConfig> {

    private static final String JOB_PREFIX = "notice/";
    private static final String POSTED_PREFIX = "posted/";
    private static final String ACTIVE_PREFIX = "active-since-posted/";
    /** In the plugin's storage: the last fire time of a catch-up notice, written by every instance that ran it. */
    private static final String DUE_PREFIX = "due/";
    /** In a room's storage: when a catch-up notice never posted there began to be owed to the room. */
    private static final String KEPT_SINCE_PREFIX = "kept-since/";

    /** Which (room, notice) pairs are known to have had activity since the last post; spares a write per message. */
    private final Map<String, Boolean> activeSincePosted = new ConcurrentHashMap<>();
    private final Map<String, ScheduledJob> jobs = new ConcurrentHashMap<>();
    private final Object postLock = new Object();
    private volatile PluginContext<NoticesConfig> context;

    @Override
    public String id() {
        return "notices";
    }

    @Override
    public Class<NoticesConfig> configType() {
        return NoticesConfig.class;
    }

    @Override
    public void start(PluginContext<NoticesConfig> context) {
        this.context = context;
        for (Notice notice : context.config().notices()) {
            for (String roomJid : notice.rooms().orElse(List.of())) {
                if (context.rooms().room(roomJid).isEmpty()) {
                    context.logger().warn("notice '{}' names room {}, which the bot does not keep: it is skipped there",
                            notice.name(), roomJid);
                }
            }
            String name = notice.name();
            jobs.put(name, context.scheduler().cron(JOB_PREFIX + name, notice.schedule(), zoneOf(notice),
                    notice.catchUpPolicy(), firing -> post(name, firing)));
        }
    }

    /** Posts a notice in each of its rooms where the bot is and, if it asks for it, someone spoke since last time. */
    void post(String noticeName, Firing firing) {
        Optional<Notice> found = context.config().notice(noticeName);
        if (found.isEmpty()) {
            return;
        }
        Notice notice = found.get();
        if (notice.catchUpPolicy() == CatchUp.ONCE) {
            // Every instance of a cluster runs this timer, but only the room's holder keeps the room (the others do
            // not even see it): the fire time is written where all of them read, so that whoever joins a room next
            // (after a failover, a restart, a kick) posts a notice that fell due while nobody was in it (onJoined).
            context.storage().put(DUE_PREFIX + noticeName, firing.scheduledFor(), ValueCodec.INSTANT);
        }
        for (RoomHandle room : targets(notice)) {
            String roomJid = room.roomJid();
            if (!room.joined()) {
                // Expected with several instances (only the holder is in the room) and after a kick; a catch-up
                // notice is posted at the next join.
                context.logger(roomJid).debug("notice '{}' not posted: the bot is not in the room", noticeName);
                continue;
            }
            postIn(room, notice, firing.late(), firing.scheduledFor());
        }
    }

    /**
     * Posts, once, a catch-up notice that fell due since it was last posted in the room, while no instance of the bot
     * was in it (after a failover, the instance that took the room over joins it and posts what fell due meanwhile).
     * A room joined for the first time is owed nothing: what fell due before it was kept was not meant for it.
     */
    @OnEvent
    public void onJoined(RoomJoinedEvent event) {
        Optional<RoomHandle> room = context.rooms().room(event.roomJid());
        if (room.isEmpty() || !room.get().joined()) {
            return;
        }
        KeyValueStore store = context.storage().room(room.get().roomJid());
        for (Notice notice : context.config().notices()) {
            if (notice.catchUpPolicy() != CatchUp.ONCE || !postsIn(notice, room.get().roomJid())) {
                continue;
            }
            Optional<Instant> lastPosted = store.get(POSTED_PREFIX + notice.name(), ValueCodec.INSTANT)
                    .or(() -> store.get(KEPT_SINCE_PREFIX + notice.name(), ValueCodec.INSTANT));
            if (lastPosted.isEmpty()) {
                store.put(KEPT_SINCE_PREFIX + notice.name(), context.clock().instant(), ValueCodec.INSTANT);
                continue;
            }
            Optional<Instant> due = context.storage().get(DUE_PREFIX + notice.name(), ValueCodec.INSTANT);
            if (due.isPresent() && due.get().isAfter(lastPosted.get())) {
                postIn(room.get(), notice, true, due.get());
            }
        }
    }

    private void postIn(RoomHandle room, Notice notice, boolean late, Instant scheduledFor) {
        String roomJid = room.roomJid();
        String noticeName = notice.name();
        KeyValueStore store = context.storage().room(roomJid);
        // One posting per fire time: the timer and a join may both try a notice that is owed.
        synchronized (postLock) {
            Optional<Instant> postedAt = store.get(POSTED_PREFIX + noticeName, ValueCodec.INSTANT);
            if (late && postedAt.isPresent() && !postedAt.get().isBefore(scheduledFor)) {
                return;   // posted at or after its fire time already, by this instance or by the room's holder then
            }
            if (notice.postsOnlyAfterActivity() && postedAt.isPresent() && !hadActivity(store, roomJid, noticeName)) {
                context.logger(roomJid).debug("notice '{}' skipped: nobody spoke since the last one", noticeName);
                return;
            }
            if (late) {
                context.logger(roomJid).info("notice '{}' was due at {}: posting it late, once", noticeName,
                        scheduledFor);
            }
            // Never before the fire time it served, so that this fire time no longer counts as owed (onJoined)
            // whatever the instances' clocks say.
            Instant now = context.clock().instant();
            Instant posted = now.isBefore(scheduledFor) ? scheduledFor : now;
            store.transaction(tx -> {
                tx.put(POSTED_PREFIX + noticeName, posted, ValueCodec.INSTANT);
                tx.delete(ACTIVE_PREFIX + noticeName);
            });
            room.send(notice.text());
            activeSincePosted.put(activityKey(roomJid, noticeName), false);
        }
    }

    @OnEvent
    public void onMessage(RoomMessageReceivedEvent event) {
        Optional<RoomHandle> room = context.rooms().room(event.roomJid());
        if (room.isEmpty() || event.sender().nick().equals(room.get().botNick())) {
            return;
        }
        String roomJid = room.get().roomJid();
        for (Notice notice : context.config().notices()) {
            String key = activityKey(roomJid, notice.name());
            // Cheapest test first: after the first message since a posting, the rest is already known.
            if (!notice.postsOnlyAfterActivity() || activeSincePosted.getOrDefault(key, false)
                    || !postsIn(notice, roomJid)) {
                continue;
            }
            context.storage().room(roomJid).put(ACTIVE_PREFIX + notice.name(), "true");
            activeSincePosted.put(key, true);
        }
    }

    @Command(name = "notices", help = "Lists the notices scheduled for this room and when each comes next.",
            maxArgs = 0, scopes = {CommandScope.ROOM, CommandScope.PRIVATE})
    public void notices(CommandInvocation invocation) {
        if (invocation.room().isEmpty()) {
            return;
        }
        RoomHandle room = invocation.room().get();
        Wording wording = context.texts().replyTo(invocation);
        DateTimeFormatter when = DateTimeFormatter.ofPattern(wording.format("format.when"), wording.language());
        List<String> lines = new ArrayList<>();
        for (Notice notice : context.config().notices()) {
            if (!postsIn(notice, room.roomJid())) {
                continue;
            }
            String next = Optional.ofNullable(jobs.get(notice.name())).flatMap(ScheduledJob::nextFireTime)
                    .map(at -> when.format(at.atZone(zoneOf(notice)))).orElse(wording.format("not-scheduled"));
            lines.add(wording.format(notice.postsOnlyAfterActivity() ? "line.after-activity" : "line", notice.name(),
                    next));
        }
        invocation.reply(lines.isEmpty() ? wording.format("none-here")
                : wording.format("header") + "\n" + String.join("\n", lines));
    }

    private boolean hadActivity(KeyValueStore store, String roomJid, String noticeName) {
        String key = activityKey(roomJid, noticeName);
        Boolean known = activeSincePosted.get(key);
        if (known != null) {
            return known;
        }
        boolean stored = store.get(ACTIVE_PREFIX + noticeName).isPresent();
        activeSincePosted.put(key, stored);
        return stored;
    }

    private List<RoomHandle> targets(Notice notice) {
        return notice.rooms().map(jids -> jids.stream().map(jid -> context.rooms().room(jid))
                        .flatMap(Optional::stream).toList())
                .orElseGet(context::enabledRooms);
    }

    private boolean postsIn(Notice notice, String roomJid) {
        return targets(notice).stream().anyMatch(target -> target.roomJid().equalsIgnoreCase(roomJid));
    }

    private ZoneId zoneOf(Notice notice) {
        return notice.zone().orElse(context.config().zone());
    }

    private static String activityKey(String roomJid, String noticeName) {
        return roomJid + " " + noticeName;
    }
}
