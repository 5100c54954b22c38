package org.majordome.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One-time login links: a long random token per link, kept only as its hash, valid for a short while and used at
 * most once. Opening the link (a GET) only {@link #peek}s; the confirming POST {@link #redeem}s, so that a chat
 * client's link preview never uses it up.
 */
final class LoginLinks {

    /** Links alive at once, beyond which the oldest requests lose theirs: a flood cannot fill the memory. */
    static final int MAX_PENDING = 10_000;

    private record Pending(String jid, Instant expires) {
    }

    private final Tokens tokens;
    private final Clock clock;
    private final Duration lifetime;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    LoginLinks(Tokens tokens, Clock clock, Duration lifetime) {
        this.tokens = tokens;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    /** A new link's token for this bare JID. */
    String issue(String jid) {
        dropExpired();
        if (pending.size() >= MAX_PENDING) {
            pending.entrySet().stream().min(Map.Entry.comparingByValue(
                    java.util.Comparator.comparing(Pending::expires))).ifPresent(oldest -> pending.remove(oldest.getKey()));
        }
        String token = tokens.next();
        pending.put(Tokens.hash(token), new Pending(jid, clock.instant().plus(lifetime)));
        return token;
    }

    /** Whose the link is, while it is valid; it stays valid. */
    Optional<String> peek(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        Pending found = pending.get(Tokens.hash(token));
        return found == null || !clock.instant().isBefore(found.expires()) ? Optional.empty()
                : Optional.of(found.jid());
    }

    /** Whose the link is, if it is valid; it is used up either way. */
    Optional<String> redeem(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        Pending found = pending.remove(Tokens.hash(token));
        return found == null || !clock.instant().isBefore(found.expires()) ? Optional.empty()
                : Optional.of(found.jid());
    }

    /** Links not used yet and not expired. */
    int pending() {
        dropExpired();
        return pending.size();
    }

    private void dropExpired() {
        Instant now = clock.instant();
        pending.values().removeIf(link -> !now.isBefore(link.expires()));
    }
}
