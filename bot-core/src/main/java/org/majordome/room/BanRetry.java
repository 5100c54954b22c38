package org.majordome.room;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

import org.jivesoftware.smackx.muc.MUCAffiliation;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.majordome.xmpp.Backoff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a kept room that banned the bot (affiliation outcast, XEP-0045 §9.1, or a join refused with
 * {@code forbidden}, §7.2.7) is tried again: after a wait that doubles from attempt to attempt up to the
 * back-off's ceiling ({@code runtime.rejoin-backoff-max}), besides the tries at each configuration check
 * and when an administrator asks. A ban is often lifted by hand later (a mistake, a test, a dispute
 * settled); the bot used to stay out until restarted.
 *
 * <p>It also remembers that the bot was banned, so that the first join after the ban can say once that
 * the bot came back without the ownership it had (lifting a ban leaves affiliation {@code none}), rather
 * than once per attempt. Touched only on the room's worker thread, except the timer's own callback, which
 * only hands the retry to the worker.
 */
final class BanRetry {

    private static final Logger log = LoggerFactory.getLogger(BanRetry.class);

    /** The first wait after a ban; shorter when the ceiling is shorter (tests). */
    static final Duration FIRST_WAIT = Duration.ofSeconds(15);

    private final String room;
    private final Backoff backoff;
    private final ScheduledExecutorService timer;
    private final Runnable retry;
    private final Consumer<AdminNotice> tellAdmins;

    private int refusals;
    private boolean banned;
    private ScheduledFuture<?> scheduled;

    /**
     * @param room       the room, for the log
     * @param ceiling    the longest wait between two attempts
     * @param random     the back-off's jitter
     * @param timer      where the wait happens (injected: tests run it by hand)
     * @param retry      hands one join attempt to the room's worker
     * @param tellAdmins sends a notice to the bot's administrators
     */
    BanRetry(String room, Duration ceiling, RandomGenerator random, ScheduledExecutorService timer, Runnable retry,
             Consumer<AdminNotice> tellAdmins) {
        this.room = room;
        Duration first = FIRST_WAIT.compareTo(ceiling) < 0 ? FIRST_WAIT : ceiling;
        this.backoff = new Backoff(first, ceiling, random);
        this.timer = timer;
        this.retry = retry;
        this.tellAdmins = tellAdmins;
    }

    /**
     * The room banned the bot, or refused its join again: schedules the next attempt. The first refusal of a
     * ban is an error in the log (a human should look); the attempts after it are detail.
     *
     * @param why the room's words
     * @return the wait until that attempt
     */
    Duration refused(String why) {
        boolean first = !banned;
        banned = true;
        Duration wait = backoff.delay(refusals++);
        cancel();
        scheduled = timer.schedule(retry, wait.toMillis(), TimeUnit.MILLISECONDS);
        if (first) {
            log.error("Room {}: the bot is BANNED from this room ({}); it tries again in {} s, then less and less often "
                    + "(at most {} s apart) and at each configuration check, until the ban is lifted", room, why,
                    seconds(wait), seconds(backoff.max()));
        } else {
            log.debug("Room {}: still banned ({}), attempt {}; next in {} s", room, why, refusals, seconds(wait));
        }
        return wait;
    }

    /** Whether the bot is out because of a ban (until {@link #joined()}). */
    boolean banned() {
        return banned;
    }

    /** How many attempts the room refused since the ban (the first counts). */
    int refusals() {
        return refusals;
    }

    /** An administrator asked for a join now: the waits start over from the first. */
    void startOver() {
        refusals = 0;
    }

    /** Forgets the scheduled attempt (a join happens now instead, or the room is left). */
    void cancel() {
        if (scheduled != null) {
            scheduled.cancel(false);
            scheduled = null;
        }
    }

    /**
     * The bot is in the room again. The first join after a ban says what the bot came back as: lifting a ban
     * leaves the affiliation {@code none} (XEP-0045 §9.2), so an owner bot has lost what it needs to keep the
     * room's configuration. That is said once, here, in the log and to the administrators, not at every attempt.
     *
     * @param self the MUC part of the bot's own presence in the room
     * @return true when the bot was banned until now
     */
    boolean joined(MUCUser self) {
        boolean wasBanned = banned;
        banned = false;
        refusals = 0;
        cancel();
        if (wasBanned) {
            MUCItem item = self == null ? null : self.getItem();
            MUCAffiliation affiliation = item == null ? null : item.getAffiliation();
            if (affiliation == null || affiliation == MUCAffiliation.owner) {
                log.info("Room {}: back in the room, the ban was lifted", room);
            } else {
                log.warn("Room {}: back in the room after the ban was lifted, but with affiliation {}, not owner: it "
                        + "cannot keep the room's configuration until an owner grants it ownership again", room, affiliation);
                tellAdmins.accept(AdminNotice.of("notice.back-without-ownership", room, affiliation.toString()));
            }
        }
        return wasBanned;
    }

    private static long seconds(Duration wait) {
        return Math.max(1, wait.toSeconds());
    }
}
