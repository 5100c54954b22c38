package org.majordome.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jxmpp.jid.EntityBareJid;

/**
 * The web chat for visitors ({@code web.chat:}): the page lists the rooms marked {@code web-chat: true}, and
 * each visitor becomes an occupant through an XMPP session of their own on the web account.
 *
 * @param accountJid         the account visitors' sessions log in to; empty: the bot's own
 * @param accountPassword    its password (present exactly when {@code accountJid} is)
 * @param visitorsPerRoom    visitors at once in one room
 * @param visitors           visitors at once in all rooms (each one XMPP session)
 * @param sessionsPerAddress sessions at once from one client address
 * @param messagesPerMinute  messages one visitor may send per minute
 * @param maxMessageLength   characters in one message
 * @param idleTimeout        a visitor who sends nothing for this long is disconnected
 * @param banBy              what a visitor ban holds on: {@code cookie}, {@code address}, or both
 * @param joinsAtOnce        visitors entering rooms at once, from their login to the room's answer; the others wait
 *                           their turn, so that a surge of visitors does not take the server and the bot from the
 *                           rooms they keep (measured: 16 at once made the bot's kicks elsewhere 20 times slower)
 * @param sessions           where the visitors' XMPP sessions run
 * @param sessionsNice       the niceness (0-19) of the process they run in, when {@link Sessions#PROCESS}
 */
public record WebChatSettings(Optional<EntityBareJid> accountJid, Optional<Secret> accountPassword,
                              int visitorsPerRoom, int visitors, int sessionsPerAddress, int messagesPerMinute,
                              int maxMessageLength, Duration idleTimeout, Set<String> banBy, int joinsAtOnce,
                              Sessions sessions, int sessionsNice) {

    /**
     * Where the visitors' XMPP sessions run. In a process of their own (the default), started at a lower OS priority:
     * a surge of visitors (one Smack session each, parsing every presence the room fans out) then never takes the
     * cores from the bot's own rooms and moderation, which Java thread priorities cannot do on Linux. In the bot's
     * process: no second JVM, for a small installation or a platform without {@code nice}.
     */
    public enum Sessions { PROCESS, IN_PROCESS }

    /** What a ban may hold on: the visitor's signed cookie, and a hash of their address. */
    public static final Set<String> BAN_KINDS = Set.of("cookie", "address");
    /** Visitors entering rooms at once unless configured. */
    public static final int DEFAULT_JOINS_AT_ONCE = 4;
    /**
     * The niceness of the visitors' process unless configured: the lowest priority. Measured (RESULTS §14): at 19
     * rather than 10 a surge slowed the bot's kicks less (p99 64 against 119 ms) and 500 visitors were all in as
     * soon (64 against 60 s), since the process has the cores whenever the bot does not need them.
     */
    public static final int DEFAULT_SESSIONS_NICE = 19;
    /** The highest niceness (the lowest priority) Linux knows. */
    public static final int MAX_NICE = 19;

    public WebChatSettings {
        Objects.requireNonNull(accountJid, "accountJid");
        Objects.requireNonNull(accountPassword, "accountPassword");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        banBy = Set.copyOf(banBy);
        Objects.requireNonNull(sessions, "sessions");
        if (sessionsNice < 0 || sessionsNice > MAX_NICE) {
            throw new IllegalArgumentException("sessionsNice " + sessionsNice + " is not within 0-" + MAX_NICE);
        }
    }

    /** The settings with the visitors' sessions in a process of their own at the default niceness. */
    public WebChatSettings(Optional<EntityBareJid> accountJid, Optional<Secret> accountPassword, int visitorsPerRoom,
                           int visitors, int sessionsPerAddress, int messagesPerMinute, int maxMessageLength,
                           Duration idleTimeout, Set<String> banBy, int joinsAtOnce) {
        this(accountJid, accountPassword, visitorsPerRoom, visitors, sessionsPerAddress, messagesPerMinute,
                maxMessageLength, idleTimeout, banBy, joinsAtOnce, Sessions.PROCESS, DEFAULT_SESSIONS_NICE);
    }

    /** The same, with the visitors' sessions run {@code where} (and at that niceness). */
    public WebChatSettings withSessions(Sessions where, int nice) {
        return new WebChatSettings(accountJid, accountPassword, visitorsPerRoom, visitors, sessionsPerAddress,
                messagesPerMinute, maxMessageLength, idleTimeout, banBy, joinsAtOnce, where, nice);
    }

    /** The settings with the default number of visitors entering at once. */
    public WebChatSettings(Optional<EntityBareJid> accountJid, Optional<Secret> accountPassword, int visitorsPerRoom,
                           int visitors, int sessionsPerAddress, int messagesPerMinute, int maxMessageLength,
                           Duration idleTimeout, Set<String> banBy) {
        this(accountJid, accountPassword, visitorsPerRoom, visitors, sessionsPerAddress, messagesPerMinute,
                maxMessageLength, idleTimeout, banBy, DEFAULT_JOINS_AT_ONCE);
    }

    /** The defaults of the file: the bot's own account, 50 per room, 200 in all, 3 per address, 20 a minute... */
    public static WebChatSettings defaults() {
        return new WebChatSettings(Optional.empty(), Optional.empty(), 50, 200, 3, 20, 1000, Duration.ofMinutes(30),
                BAN_KINDS);
    }
}
