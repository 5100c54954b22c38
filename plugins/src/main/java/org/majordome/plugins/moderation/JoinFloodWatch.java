package org.majordome.plugins.moderation;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

import org.majordome.plugins.moderation.ModerationConfig.JoinFloodRule;

/** Counts a room's joins within the join-flood window; guarded by its {@link RoomWatch}. */
final class JoinFloodWatch {

    private final JoinFloodRule rule;
    private final Deque<Instant> joins = new ArrayDeque<>();
    private Instant lastJoin = Instant.MIN;

    JoinFloodWatch(JoinFloodRule rule) {
        this.rule = rule;
    }

    /** Counts one join; true when the joins within the window amount to a flood (the count starts again). */
    boolean joined(Instant at) {
        lastJoin = at;
        joins.addLast(at);
        Instant horizon = at.minus(rule.per());
        while (!joins.isEmpty() && joins.peekFirst().isBefore(horizon)) {
            joins.removeFirst();
        }
        if (rule.enabled() && joins.size() > rule.maxJoins()) {
            joins.clear();
            return true;
        }
        return false;
    }

    /** The latest join, {@link Instant#MIN} before any: a lockdown ends a quiet period after it. */
    Instant lastJoin() {
        return lastJoin;
    }
}
