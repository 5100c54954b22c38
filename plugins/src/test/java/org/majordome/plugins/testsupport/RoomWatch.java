package org.majordome.plugins.testsupport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.majordome.testing.XmppTestClient;

/**
 * What a client in many rooms sees, with the moment ({@link System#nanoTime()}) it saw it: every occupant's comings
 * and goings (kicks marked), and every groupchat message by nick, so that a test asserts on what the rooms show.
 */
public final class RoomWatch {

    /** One presence in a room: the nick, whether it is available, whether it is a kick (status 307). */
    public record Seen(long at, EntityBareJid room, String nick, boolean available, boolean kicked) {
    }

    /** One groupchat message in a room. */
    public record Said(long at, EntityBareJid room, String nick, String body) {
    }

    private final Map<EntityBareJid, MultiUserChat> chats = new LinkedHashMap<>();
    private final List<Seen> presences = Collections.synchronizedList(new ArrayList<>());
    private final List<Said> messages = Collections.synchronizedList(new ArrayList<>());

    private RoomWatch() {
    }

    /** The client joins every room as {@code nick} and records from then on. */
    public static RoomWatch join(XmppTestClient client, List<EntityBareJid> rooms, String nick) {
        RoomWatch watch = new RoomWatch();
        for (EntityBareJid room : rooms) {
            MultiUserChat chat = client.join(room, nick);
            chat.addParticipantListener(presence -> watch.record(room, presence));
            chat.addMessageListener(message -> watch.record(room, message));
            watch.chats.put(room, chat);
        }
        return watch;
    }

    private void record(EntityBareJid room, Presence presence) {
        MUCUser user = MUCUser.from(presence);
        boolean kicked = user != null && user.getStatus().contains(MUCUser.Status.KICKED_307);
        presences.add(new Seen(System.nanoTime(), room, presence.getFrom().getResourceOrEmpty().toString(),
                presence.isAvailable(), kicked));
    }

    private void record(EntityBareJid room, Message message) {
        if (message.getBody() != null && message.getFrom() != null) {
            messages.add(new Said(System.nanoTime(), room, message.getFrom().getResourceOrEmpty().toString(),
                    message.getBody()));
        }
    }

    /** The nicks in the room now that start with {@code prefix}, sorted, as the room's occupant list shows them. */
    public List<String> occupants(EntityBareJid room, String prefix) {
        return chats.get(room).getOccupants().stream().map(EntityFullJid::getResourcepart).map(Object::toString)
                .filter(nick -> nick.startsWith(prefix)).sorted().toList();
    }

    /** The first time {@code nick} was seen coming into the room at or after {@code since}. */
    public Optional<Long> firstArrival(EntityBareJid room, String nick, long since) {
        synchronized (presences) {
            return presences.stream().filter(seen -> seen.room().equals(room) && seen.nick().equals(nick)
                    && seen.available() && seen.at() >= since).map(Seen::at).findFirst();
        }
    }

    /** Every presence seen at or after {@code since}. */
    public List<Seen> presencesSince(long since) {
        synchronized (presences) {
            return presences.stream().filter(seen -> seen.at() >= since).toList();
        }
    }

    /** Every message seen at or after {@code since}. */
    public List<Said> messagesSince(long since) {
        synchronized (messages) {
            return messages.stream().filter(said -> said.at() >= since).toList();
        }
    }

    public MultiUserChat chat(EntityBareJid room) {
        return chats.get(room);
    }
}
