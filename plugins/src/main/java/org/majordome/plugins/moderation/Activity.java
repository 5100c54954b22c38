package org.majordome.plugins.moderation;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/** What one offender did lately in one room, as the rules need it; guarded by its {@link RoomWatch}. */
final class Activity {

    /** When their recent messages came, for the flood rule. */
    final Deque<Instant> times = new ArrayDeque<>();
    /** Their recent texts, for the repetition rule. */
    final Deque<RepetitionWatch.RecentText> recent = new ArrayDeque<>();
    /** When they joined, for the newcomer link rule; null when not seen joining. */
    Instant joinedAt;
    Instant lastSeen = Instant.MIN;
}
