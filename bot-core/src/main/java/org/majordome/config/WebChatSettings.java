package org.majordome.config;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.jxmpp.jid.EntityBareJid;

/**
 * The web chat for visitors ({@code web.chat:}): the account their XMPP sessions use and the limits that keep a
 * surge of visitors from hurting the rooms.
 *
 * @param accountJid         the account every visitor's session logs in with; empty: the bot's own
 * @param accountPassword    its password (present with {@code accountJid})
 * @param visitorsPerRoom    visitors at once in one room
 * @param visitors           visitors at once in all rooms (also the cap on the XMPP sessions the gateway opens)
 * @param sessionsPerAddress sockets at once from one client address
 * @param messagesPerMinute  messages one visitor may send per minute
 * @param maxMessageLength   the longest message a visitor may send, in characters
 * @param idleTimeout        how long a visitor may stay silent before the session is closed
 * @param banBy              what a visitor ban holds on: {@code cookie}, {@code address}
 */
public record WebChatSettings(Optional<EntityBareJid> accountJid, Optional<Secret> accountPassword,
                              int visitorsPerRoom, int visitors, int sessionsPerAddress, int messagesPerMinute,
                              int maxMessageLength, Duration idleTimeout, Set<String> banBy) {
    public WebChatSettings {
        banBy = Set.copyOf(banBy);
    }
}
