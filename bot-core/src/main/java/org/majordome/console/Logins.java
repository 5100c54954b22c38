package org.majordome.console;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.majordome.config.ConsoleSettings;

/**
 * The login rules, apart from HTTP: who gets a link (anyone the {@link Operators} accept, within the rate limits),
 * which link starts a session (a valid one, once, for someone who may still use the console), and the limits:
 * per client address on requests and on redemptions, per JID on requests (so nobody can make the bot flood
 * someone's chat with links).
 */
final class Logins {

    /** Login requests per client address in {@link #WINDOW}. */
    static final int REQUESTS_PER_ADDRESS = 10;
    /** Links per JID in {@link #WINDOW}: a mistyped attempt or two, then a pause. */
    static final int LINKS_PER_JID = 3;
    /** Link redemptions per client address in {@link #WINDOW}. */
    static final int REDEEMS_PER_ADDRESS = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final Operators operators;
    private final LoginLinks links;
    private final Sessions sessions;
    private final Duration linkLifetime;
    private final RateLimit requestsPerAddress;
    private final RateLimit linksPerJid;
    private final RateLimit redeemsPerAddress;

    Logins(ConsoleSettings settings, Operators operators, Tokens tokens, Clock clock, LoginStore store) {
        this.operators = operators;
        this.linkLifetime = settings.linkLifetime();
        this.links = new LoginLinks(tokens, clock, settings.linkLifetime(), store.links);
        this.sessions = new Sessions(tokens, clock, settings.sessionLifetime(), store.sessions);
        this.requestsPerAddress = new RateLimit(REQUESTS_PER_ADDRESS, WINDOW, clock);
        this.linksPerJid = new RateLimit(LINKS_PER_JID, WINDOW, clock);
        this.redeemsPerAddress = new RateLimit(REDEEMS_PER_ADDRESS, WINDOW, clock);
    }

    Sessions sessions() {
        return sessions;
    }

    Operators operators() {
        return operators;
    }

    Duration sessionLifetime() {
        return sessions.lifetime();
    }

    long linkMinutes() {
        return Math.max(1, linkLifetime.toMinutes());
    }

    boolean allowRequestFrom(String address) {
        return requestsPerAddress.allow(address);
    }

    boolean allowRedeemFrom(String address) {
        return redeemsPerAddress.allow(address);
    }

    /**
     * A link's token for this bare JID, when it may use the console and has not asked too often. The JID's limit
     * counts every request, allowed or not, so that hitting it says nothing about the JID either.
     */
    Optional<String> issueLink(String jid) {
        if (!linksPerJid.allow(jid) || operators.of(jid).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(links.issue(jid));
    }

    /** Whose a link is, while valid (it stays valid). */
    Optional<String> peek(String token) {
        return links.peek(token);
    }

    /** A new session for the link's JID: the link is used up, and the JID must still be allowed in. */
    Optional<Sessions.Started> redeem(String token) {
        return links.redeem(token).filter(jid -> operators.of(jid).isPresent()).map(sessions::start);
    }
}
