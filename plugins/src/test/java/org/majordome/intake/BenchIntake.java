package org.majordome.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

/**
 * For benchmarks only: the bot's real intake for one room ({@link RoomStanzaIntake}) without a server.
 * Stanzas go in as Smack's reader thread hands them over; events come out into the sink, as in production.
 * The bot's own membership is a stand-in that counts the bot in once the occupants' presences are in.
 */
public final class BenchIntake {

    private final RoomStanzaIntake room;

    /**
     * A room the bot has just joined: {@code occupantPresences} (XML) are the presences the room sent before
     * the bot's own, {@code subjectMessage} the subject that ends the history replay.
     */
    public BenchIntake(String roomJid, String botNick, EventSink sink, Clock clock, List<String> occupantPresences,
                       String subjectMessage) throws Exception {
        Joined membership = new Joined(Resourcepart.from(botNick), clock);
        room = new RoomStanzaIntake(JidCreate.entityBareFrom(roomJid), membership, sink, clock);
        for (String presence : occupantPresences) {
            room.onPresence((Presence) parse(presence));
        }
        // The join itself needs a server (it sends a presence and waits for the answer): mark it done, as the
        // bot's own presence would.
        membership.inRoom = true;
        room.onMessage((Message) parse(subjectMessage));
    }

    /** Parses a stanza as Smack's reader does. */
    public static Stanza parse(String xml) throws Exception {
        return PacketParserUtils.parseStanza(xml);
    }

    /** A groupchat message from the room, as the room keeper routes it. */
    public void onMessage(Message message) {
        room.onMessage(message);
    }

    private static final class Joined implements RoomStanzaIntake.Membership {
        private final Resourcepart nick;
        private final Clock clock;
        private volatile boolean inRoom;
        /** As the room keeper's self-ping does: every stanza restarts the idle clock. */
        private volatile Instant lastTraffic;

        Joined(Resourcepart nick, Clock clock) {
            this.nick = nick;
            this.clock = clock;
        }

        @Override
        public void heard() {
            lastTraffic = clock.instant();
        }

        @Override
        public boolean ownPresence(Presence presence, MUCUser muc) {
            return false;
        }

        @Override
        public boolean inRoom() {
            return inRoom;
        }

        @Override
        public Resourcepart nick() {
            return nick;
        }
    }
}
