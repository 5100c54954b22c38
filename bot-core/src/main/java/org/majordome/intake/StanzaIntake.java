package org.majordome.intake;

import java.time.Clock;
import java.util.function.Function;

import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.filter.StanzaFilter;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.majordome.api.event.DirectMessageReceivedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where stanzas enter the runtime: routes each stanza from a kept room to that room's
 * {@link RoomStanzaIntake}, and turns one-to-one chat messages (RFC 6121 §5) into
 * {@link DirectMessageReceivedEvent}s.
 */
public final class StanzaIntake {

    private static final Logger log = LoggerFactory.getLogger(StanzaIntake.class);

    private final Function<EntityBareJid, RoomStanzaIntake> rooms;
    private final EntityBareJid ownJid;
    private final EventSink sink;
    private final Clock clock;
    private final LanguageSeen languages;

    /** An intake that records no language. */
    public StanzaIntake(Function<EntityBareJid, RoomStanzaIntake> rooms, EntityBareJid ownJid, EventSink sink,
                        Clock clock) {
        this(rooms, ownJid, sink, clock, LanguageSeen.NONE);
    }

    /**
     * @param rooms  the intake of each kept room, null for a room the bot does not keep
     * @param ownJid    the bot's account: messages from its other resources (carbons) are not users'
     * @param languages told the language of each user's message, so that answers can follow it
     */
    public StanzaIntake(Function<EntityBareJid, RoomStanzaIntake> rooms, EntityBareJid ownJid, EventSink sink,
                        Clock clock, LanguageSeen languages) {
        this.rooms = rooms;
        this.ownJid = ownJid;
        this.sink = sink;
        this.clock = clock;
        this.languages = languages;
    }

    /** Starts listening on the connection (before it logs in, so that no stanza is missed). */
    public void listenOn(XMPPConnection connection) {
        StanzaFilter isFromKeptRoom = stanza -> roomOf(stanza) != null;
        // A synchronous listener keeps the stanzas of a room in order; the handlers never block.
        connection.addSyncStanzaListener(this::routeRoomStanza, isFromKeptRoom);
        connection.addSyncStanzaListener(this::onDirectMessage, stanza -> stanza instanceof Message message
                && (message.getType() == Message.Type.chat || message.getType() == Message.Type.normal)
                && message.getBody() != null && !isFromKeptRoom.accept(stanza)
                // An invitation's body is a courtesy text for old clients; InvitationIntake takes the invitation.
                && !InvitationIntake.carriesInvitation(stanza));
    }

    private RoomStanzaIntake roomOf(Stanza stanza) {
        if (stanza.getFrom() == null) {
            return null;
        }
        EntityBareJid room = stanza.getFrom().asEntityBareJidIfPossible();
        return room == null ? null : rooms.apply(room);
    }

    private void routeRoomStanza(Stanza stanza) {
        RoomStanzaIntake room = roomOf(stanza);
        if (room == null) {
            return; // left between the filter and now
        }
        try {
            if (stanza instanceof Presence presence) {
                room.onPresence(presence);
            } else if (stanza instanceof Message message) {
                if (message.getBody() != null && stanza.getFrom().hasResource()) {
                    languages.seen(stanza.getFrom().toString(), message.getLanguage(), false);
                }
                room.onMessage(message);
            }
        } catch (RuntimeException e) {
            // A stanza we cannot make sense of must not take the listener thread down with it.
            log.error("Room {}: could not handle a stanza from {}", stanza.getFrom().asEntityBareJidIfPossible(),
                    stanza.getFrom(), e);
        }
    }

    private void onDirectMessage(Stanza stanza) {
        Message message = (Message) stanza;
        Jid from = message.getFrom();
        if (from == null || from.getLocalpartOrNull() == null || DelayInformation.from(message) != null) {
            return; // server notices and offline-stored messages are not live requests
        }
        if (from.asBareJid().equals(ownJid)) {
            return; // our own other resources (carbons) are not users
        }
        languages.seen(from.toString(), message.getLanguage(), true);
        sink.accept(new DirectMessageReceivedEvent(from.toString(), from.asBareJid().toString(),
                Snapshots.message(message, ownJid), clock.instant()));
    }
}
