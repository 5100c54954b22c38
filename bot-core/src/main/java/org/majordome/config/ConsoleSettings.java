package org.majordome.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The operator console ({@code web.console:}): pages at {@code /console/} where bot admins and the owners and
 * admins of kept rooms look at their rooms and act on them. Operators log in with a one-time link the bot sends them
 * by direct XMPP message; there is no password.
 *
 * @param sessionLifetime how long a login lasts (the cookie's and the session's expiry)
 * @param linkLifetime    how long a one-time login link may be used (once)
 */
public record ConsoleSettings(Duration sessionLifetime, Duration linkLifetime) {

    /** A working day: long enough for a shift, short enough that a forgotten browser does not stay logged in. */
    public static final Duration DEFAULT_SESSION_LIFETIME = Duration.ofHours(8);
    /** Time to switch from the chat client to the browser, not to leave a link lying around. */
    public static final Duration DEFAULT_LINK_LIFETIME = Duration.ofMinutes(5);

    public ConsoleSettings {
        Objects.requireNonNull(sessionLifetime, "sessionLifetime");
        Objects.requireNonNull(linkLifetime, "linkLifetime");
        if (sessionLifetime.isNegative() || sessionLifetime.isZero() || linkLifetime.isNegative()
                || linkLifetime.isZero()) {
            throw new IllegalArgumentException("lifetimes must be positive");
        }
    }

    /** The defaults of the file: sessions of 8 hours, links of 5 minutes. */
    public static ConsoleSettings defaults() {
        return new ConsoleSettings(DEFAULT_SESSION_LIFETIME, DEFAULT_LINK_LIFETIME);
    }
}
