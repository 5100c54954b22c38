package org.majordome.room;

import java.lang.reflect.Field;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.config.DesiredRoomConfig;
import org.majordome.config.RoomSettings;
import org.majordome.intake.EventSink;
import org.majordome.xmpp.Backoff;

/**
 * For benchmarks only: the bot's real intake for one room ({@code KeptRoom}, package-private, hence this
 * class in its package) without a server. Stanzas go in as Smack's reader thread hands them to the room
 * keeper; events come out into the sink, as in production. There is no connection: only receiving works.
 */
public final class BenchIntake {

    private final KeptRoom room;

    /**
     * A room the bot has just joined: {@code occupantPresences} (XML) are the presences the room sent before
     * the bot's own, {@code subjectMessage} the subject that ends the history replay.
     */
    public BenchIntake(String roomJid, String botNick, EventSink sink, Clock clock, List<String> occupantPresences,
                       String subjectMessage) throws Exception {
        RoomSettings settings = new RoomSettings(JidCreate.entityBareFrom(roomJid), Optional.empty(), Optional.empty(),
                DesiredRoomConfig.persistentOnly(), List.of());
        room = new KeptRoom(settings, Resourcepart.from(botNick), null, sink, clock,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), java.util.random.RandomGenerator.getDefault()),
                null, new Semaphore(1));
        for (String presence : occupantPresences) {
            room.onPresence((Presence) parse(presence));
        }
        // The join itself needs a server (it sends a presence and waits for the answer): mark it done, as the
        // bot's own presence would.
        Field selfPresenceSeen = KeptRoom.class.getDeclaredField("selfPresenceSeen");
        selfPresenceSeen.setAccessible(true);
        selfPresenceSeen.setBoolean(room, true);
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
}
