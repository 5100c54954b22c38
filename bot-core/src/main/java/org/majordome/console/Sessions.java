package org.majordome.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in operators, in memory: a restart logs everyone out, which costs a new link and nothing else. The cookie
 * carries a random id kept here only as its hash; each session has its own CSRF token for the forms it renders.
 */
final class Sessions {

    /** Sessions at once, beyond which the oldest ends: a flood of logins cannot fill the memory. */
    static final int MAX_SESSIONS = 10_000;

    /**
     * One login.
     *
     * @param jid     the operator's bare JID
     * @param csrf    the token every form of this session carries
     * @param expires when the session ends by itself
     */
    record Session(String jid, String csrf, Instant expires) {
    }

    /** A new session and the cookie value that names it. */
    record Started(String cookie, Session session) {
    }

    private final Tokens tokens;
    private final Clock clock;
    private final Duration lifetime;
    private final Map<String, Session> byHash = new ConcurrentHashMap<>();

    Sessions(Tokens tokens, Clock clock, Duration lifetime) {
        this.tokens = tokens;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    Duration lifetime() {
        return lifetime;
    }

    Started start(String jid) {
        dropExpired();
        if (byHash.size() >= MAX_SESSIONS) {
            byHash.entrySet().stream().min(Map.Entry.comparingByValue(java.util.Comparator.comparing(Session::expires)))
                    .ifPresent(oldest -> byHash.remove(oldest.getKey()));
        }
        String cookie = tokens.next();
        Session session = new Session(jid, tokens.next(), clock.instant().plus(lifetime));
        byHash.put(Tokens.hash(cookie), session);
        return new Started(cookie, session);
    }

    /** The session a cookie names, while it lasts. */
    Optional<Session> find(String cookie) {
        if (!Tokens.wellFormed(cookie)) {
            return Optional.empty();
        }
        String key = Tokens.hash(cookie);
        Session session = byHash.get(key);
        if (session == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(session.expires())) {
            byHash.remove(key);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    /** Logs out: the cookie names nothing any more. */
    void end(String cookie) {
        if (Tokens.wellFormed(cookie)) {
            byHash.remove(Tokens.hash(cookie));
        }
    }

    /** Sessions alive now. */
    int active() {
        dropExpired();
        return byHash.size();
    }

    private void dropExpired() {
        Instant now = clock.instant();
        byHash.values().removeIf(session -> !now.isBefore(session.expires()));
    }
}
