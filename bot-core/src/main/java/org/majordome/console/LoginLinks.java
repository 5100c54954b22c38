package org.majordome.console;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * One-time login links: a long random token per link, kept only as its hash in the {@link LoginRecords} given (the
 * bot's database: a link sent by one instance of a cluster logs in through any other), valid for a short while and
 * used at most once. Opening the link (a GET) only {@link #peek}s; the confirming POST {@link #redeem}s, so that a
 * chat client's link preview never uses it up.
 */
final class LoginLinks {

    /** Links alive at once, beyond which the oldest requests lose theirs: a flood cannot fill the store. */
    static final int MAX_PENDING = 10_000;

    private final Tokens tokens;
    private final Clock clock;
    private final Duration lifetime;
    private final LoginRecords records;

    LoginLinks(Tokens tokens, Clock clock, Duration lifetime, LoginRecords records) {
        this.tokens = tokens;
        this.clock = clock;
        this.lifetime = lifetime;
        this.records = records;
    }

    /** A new link's token for this bare JID. */
    String issue(String jid) {
        records.prune(clock.instant(), MAX_PENDING - 1);
        String token = tokens.next();
        records.put(Tokens.hash(token), new LoginRecords.Entry(jid, "",
                clock.instant().plus(lifetime).truncatedTo(ChronoUnit.MILLIS)));
        return token;
    }

    /** Whose the link is, while it is valid; it stays valid. */
    Optional<String> peek(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return valid(records.get(Tokens.hash(token)));
    }

    /** Whose the link is, if it is valid; it is used up either way. */
    Optional<String> redeem(String token) {
        if (!Tokens.wellFormed(token)) {
            return Optional.empty();
        }
        return valid(records.take(Tokens.hash(token)));
    }

    /** Links not used yet and not expired. */
    int pending() {
        return records.prune(clock.instant(), MAX_PENDING);
    }

    private Optional<String> valid(Optional<LoginRecords.Entry> found) {
        return found.filter(link -> clock.instant().isBefore(link.expires())).map(LoginRecords.Entry::jid);
    }
}
