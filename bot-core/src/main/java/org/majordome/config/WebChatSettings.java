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
 */
public record WebChatSettings(Optional<EntityBareJid> accountJid, Optional<Secret> accountPassword,
                              int visitorsPerRoom, int visitors, int sessionsPerAddress, int messagesPerMinute,
                              int maxMessageLength, Duration idleTimeout, Set<String> banBy) {

    /** What a ban may hold on: the visitor's signed cookie, and a hash of their address. */
    public static final Set<String> BAN_KINDS = Set.of("cookie", "address");

    public WebChatSettings {
        Objects.requireNonNull(accountJid, "accountJid");
        Objects.requireNonNull(accountPassword, "accountPassword");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        banBy = Set.copyOf(banBy);
    }

    /** The defaults of the file: the bot's own account, 50 per room, 200 in all, 3 per address, 20 a minute... */
    public static WebChatSettings defaults() {
        return new WebChatSettings(Optional.empty(), Optional.empty(), 50, 200, 3, 20, 1000, Duration.ofMinutes(30),
                BAN_KINDS);
    }
}
