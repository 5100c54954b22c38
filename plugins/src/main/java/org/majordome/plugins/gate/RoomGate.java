package org.majordome.plugins.gate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.majordome.api.event.Occupant;

/**
 * What the gate holds about one room between events: the visitors at the gate (bounded by {@code max-waiting}),
 * the budget of private messages (a token bucket refilled by {@code messages-per-minute}) and a few counts for
 * {@code !gate}. Not thread-safe: callers hold its monitor.
 */
final class RoomGate {

    /** A visitor at the gate, by nick. */
    static final class Visitor {
        Occupant occupant;
        final Optional<String> identity;
        final Instant joinedAt;
        final int question;
        /** The instructions reached them (or the question, when they wrote first). */
        boolean told;
        boolean answered;
        int tries;

        Visitor(Occupant occupant, Optional<String> identity, Instant joinedAt, int question, int tries) {
            this.occupant = occupant;
            this.identity = identity;
            this.joinedAt = joinedAt;
            this.question = question;
            this.tries = tries;
        }
    }

    private final Map<String, Visitor> waiting = new LinkedHashMap<>();
    private double messageTokens = -1;
    private Instant refilledAt = Instant.EPOCH;
    boolean warnedUnmoderated;
    boolean warnedFull;
    int passed;
    int failed;
    int turnedAway;

    /** Follows a visitor; false when {@code maxWaiting} are followed already. */
    boolean admit(String nick, Visitor visitor, int maxWaiting) {
        if (waiting.size() >= maxWaiting && !waiting.containsKey(nick)) {
            turnedAway++;
            return false;
        }
        waiting.put(nick, visitor);
        return true;
    }

    Optional<Visitor> visitor(String nick) {
        return Optional.ofNullable(waiting.get(nick));
    }

    Optional<Visitor> remove(String nick) {
        return Optional.ofNullable(waiting.remove(nick));
    }

    void rename(String oldNick, Occupant renamed) {
        Visitor visitor = waiting.remove(oldNick);
        if (visitor != null) {
            visitor.occupant = renamed;
            waiting.put(renamed.nick(), visitor);
        }
    }

    /** Forgets the visitors not among {@code present}. */
    void retainOnly(Collection<String> present) {
        waiting.keySet().retainAll(Set.copyOf(present));
    }

    /** The nick of the visitor whose identity (a real JID, {@code jid:...}) this is, if one waits. */
    Optional<String> nickOf(String identity) {
        return waiting.entrySet().stream().filter(entry -> entry.getValue().identity.filter(identity::equals)
                .isPresent()).map(Map.Entry::getKey).findFirst();
    }

    int waitingCount() {
        return waiting.size();
    }

    /** The nicks of the visitors whose wait ended by {@code now} and who need nothing else. */
    List<String> dueBy(Instant now, Duration wait, boolean mustAnswer) {
        List<String> due = new ArrayList<>();
        waiting.forEach((nick, visitor) -> {
            if (!visitor.joinedAt.plus(wait).isAfter(now) && (!mustAnswer || visitor.answered)) {
                due.add(nick);
            }
        });
        return due;
    }

    /** When the next wait ends among the visitors still waiting for it, if any. */
    Optional<Instant> nextWaitEnd(Instant now, Duration wait) {
        return waiting.values().stream().map(visitor -> visitor.joinedAt.plus(wait)).filter(end -> end.isAfter(now))
                .min(Instant::compareTo);
    }

    /** Takes one private message from the budget; false when it is spent for now. */
    boolean mayMessage(Instant now, int perMinute) {
        if (messageTokens < 0) {
            messageTokens = perMinute;
        } else {
            double minutes = Duration.between(refilledAt, now).toMillis() / 60_000.0;
            messageTokens = Math.min(perMinute, messageTokens + Math.max(0, minutes) * perMinute);
        }
        refilledAt = now;
        if (messageTokens < 1) {
            return false;
        }
        messageTokens -= 1;
        return true;
    }
}
