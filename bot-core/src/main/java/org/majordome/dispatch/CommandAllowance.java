package org.majordome.dispatch;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.majordome.api.command.Permission;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The per-sender command allowance: a token bucket per sender (by occupant id or real JID, never the nick).
 * A sender over it is told once, privately, when they will be heard again, and gets no answer at all to
 * further commands until then (issue 13 item 10, "rate limits answer once": an answer to every refused
 * command would let anyone use the bot to flood). Senders in an exempt group (by default bot admins and room
 * owners, see {@link DispatcherSettings#rateLimitExempt()}) are not counted.
 */
final class CommandAllowance {

    private static final Logger LOG = LoggerFactory.getLogger(CommandAllowance.class);
    private static final int MAX_TRACKED_SENDERS = 10_000;

    private final TokenBuckets buckets;
    private final Set<RateLimitExemption> exempt;
    private final DispatchCounters counters;
    private final RateLimitedLog rateLimitedLog;

    CommandAllowance(DispatcherSettings settings, DispatchCounters counters, Clock clock) {
        this.buckets = new TokenBuckets(settings.repliesPerSender(), settings.replyRefillPeriod(), clock,
                MAX_TRACKED_SENDERS);
        this.exempt = settings.rateLimitExempt();
        this.counters = counters;
        this.rateLimitedLog = new RateLimitedLog(LOG, clock, Duration.ofSeconds(30));
    }

    /**
     * Takes one command from the sender's allowance.
     *
     * @param level         the sender's permission here
     * @param tellPrivately how to tell the sender privately how long to wait ({@link #inWords}), used for the first
     *                      refusal of a window only
     * @return true when the command may go on
     */
    boolean allow(CommandOrigin origin, Permission level, Consumer<String> tellPrivately) {
        if (isExempt(origin, level)) {
            return true;
        }
        String key = origin.senderKey();
        long waitMillis = buckets.take(key);
        if (waitMillis == 0) {
            return true;
        }
        counters.commandsRateLimited.increment();
        rateLimitedLog.warn("ignoring commands of {} in {}: more than their allowance", origin.sender().displayName(),
                origin.queueKey());
        if (buckets.firstRefusal(key)) {
            tellPrivately.accept(inWords(waitMillis));
        }
        return false;
    }

    private boolean isExempt(CommandOrigin origin, Permission level) {
        if (exempt.isEmpty()) {
            return false;
        }
        if (level == Permission.BOT_ADMIN && exempt.contains(RateLimitExemption.BOT_ADMINS)) {
            return true;
        }
        Optional<Occupant> occupant = origin.sender().occupant();
        if (occupant.isEmpty()) {
            return false;
        }
        Affiliation affiliation = occupant.get().affiliation();
        return affiliation == Affiliation.OWNER && exempt.contains(RateLimitExemption.ROOM_OWNERS)
                || affiliation == Affiliation.ADMIN && exempt.contains(RateLimitExemption.ROOM_ADMINS)
                || occupant.get().role() == Role.MODERATOR && exempt.contains(RateLimitExemption.MODERATORS);
    }

    /** "2 s", "3 min": rounded up, so that the sender is never told a moment too early. */
    static String inWords(long millis) {
        long seconds = Math.max(1, (millis + 999) / 1000);
        if (seconds < 120) {
            return seconds + " s";
        }
        return ((seconds + 59) / 60) + " min";
    }
}
