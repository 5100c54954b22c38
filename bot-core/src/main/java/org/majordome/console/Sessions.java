package org.majordome.console;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Logged-in operators. The cookie carries a random id kept only as its hash, in the {@link LoginRecords} given (the
 * bot's database: a session holds across a restart and on every instance of a cluster); each session has its own
 * CSRF token for the forms it renders.
 */
final class Sessions {

    /** Sessions at once, beyond which the oldest ends: a flood of logins cannot fill the memory or the table. */
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
    private final LoginRecords records;

    Sessions(Tokens tokens, Clock clock, Duration lifetime, LoginRecords records) {
        this.tokens = tokens;
        this.clock = clock;
        this.lifetime = lifetime;
        this.records = records;
    }

    Duration lifetime() {
        return lifetime;
    }

    Started start(String jid) {
        records.prune(clock.instant(), MAX_SESSIONS - 1);
        String cookie = tokens.next();
        // Whole milliseconds: what the database keeps.
        Session session = new Session(jid, tokens.next(),
                clock.instant().plus(lifetime).truncatedTo(ChronoUnit.MILLIS));
        records.put(Tokens.hash(cookie), new LoginRecords.Entry(jid, session.csrf(), session.expires()));
        return new Started(cookie, session);
    }

    /** The session a cookie names, while it lasts. */
    Optional<Session> find(String cookie) {
        if (!Tokens.wellFormed(cookie)) {
            return Optional.empty();
        }
        String key = Tokens.hash(cookie);
        Optional<LoginRecords.Entry> found = records.get(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(found.get().expires())) {
            records.take(key);
            return Optional.empty();
        }
        return found.map(entry -> new Session(entry.jid(), entry.csrf(), entry.expires()));
    }

    /** Logs out: the cookie names nothing any more. */
    void end(String cookie) {
        if (Tokens.wellFormed(cookie)) {
            records.take(Tokens.hash(cookie));
        }
    }

    /** Sessions alive now. */
    int active() {
        return records.prune(clock.instant(), MAX_SESSIONS);
    }
}
