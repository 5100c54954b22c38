package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.random.RandomGenerator;

import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaFactory;
import org.jivesoftware.smack.packet.id.StandardStanzaIdSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.config.RoomState;
import org.majordome.xmpp.Backoff;
import org.majordome.xmpp.XmppSession;

/**
 * Found by {@code ClusterFailoverIT} on a loaded machine: an instance's join of a room it was creating went unanswered
 * for the reply timeout, then the cluster gave the room to another instance; the first left without a word, although
 * the room had let it in late, so the room stayed locked (created, never configured) with it inside, and the new
 * holder got item-not-found at every attempt. A room left after an unanswered join is left with a goodbye presence.
 */
class UnansweredJoinLeaveTest {

    private final EntityBareJid roomJid = JidCreate.entityBareFromOrThrowUnchecked("slow@conference.localhost");
    private final XmppSession session = mock(XmppSession.class, RETURNS_DEEP_STUBS);
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<Stanza> sent = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopThreads() {
        worker.shutdownNow();
        timer.shutdownNow();
    }

    @Test
    void aRoomLeftAfterAnUnansweredJoinIsLeftWithAGoodbyeInCaseTheJoinWasLetInLate() throws Exception {
        AbstractXMPPConnection connection = mock(AbstractXMPPConnection.class);
        when(connection.getStanzaFactory()).thenReturn(new StanzaFactory(new StandardStanzaIdSource()));
        doAnswer(invocation -> sent.add(invocation.getArgument(0))).when(connection).sendStanza(any(Stanza.class));
        when(session.connection()).thenReturn(connection);
        when(session.isOnline()).thenReturn(true);
        when(session.settings().replyTimeout()).thenReturn(Duration.ofMillis(200));
        Clock clock = Clock.systemUTC();
        RoomMembership membership = new RoomMembership(() -> RetiredRoomsTest.room(roomJid, RoomState.KEPT),
                Resourcepart.from("Majordome"), session, event -> { }, event -> { }, clock,
                new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(1), RandomGenerator.getDefault()), timer, worker,
                new Semaphore(1), new SelfPing(roomJid.toString(), session, clock), new RoomSender(roomJid, session),
                mock(RoomMembership.AfterJoin.class), text -> { });

        membership.requestJoin();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> membership.status(false).problem().map(Object::toString).orElse("").contains("did not answer"));
        membership.leave("another instance keeps this room").get();

        assertThat(sent).filteredOn(stanza -> stanza instanceof Presence presence
                        && presence.getType() == Presence.Type.unavailable)
                .as("the goodbye after the unanswered join").hasSize(1)
                .allSatisfy(goodbye -> assertThat((Object) goodbye.getTo().asEntityBareJidIfPossible()).isEqualTo(roomJid));
    }
}
