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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.random.RandomGenerator;

import org.jivesoftware.smack.AbstractXMPPConnection;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.id.StandardStanzaIdSource;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaFactory;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jivesoftware.smackx.muc.MUCRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.event.BotEvent;
import org.majordome.api.event.RoomLeftEvent;
import org.majordome.config.RoomState;
import org.majordome.xmpp.Backoff;
import org.majordome.xmpp.XmppSession;

/** A room's membership as the stream drops and comes back, with a room worker busy elsewhere. */
class RoomMembershipTest {

    private final EntityBareJid roomJid = JidCreate.entityBareFromOrThrowUnchecked("frozen@conference.localhost");
    private final XmppSession session = mock(XmppSession.class, RETURNS_DEEP_STUBS);
    private final ExecutorService worker = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<BotEvent> emitted = new CopyOnWriteArrayList<>();
    private RoomMembership membership;

    @BeforeEach
    void joinedRoom() throws Exception {
        AbstractXMPPConnection connection = mock(AbstractXMPPConnection.class);
        when(connection.getStanzaFactory()).thenReturn(new StanzaFactory(new StandardStanzaIdSource()));
        // The room answers every join presence with the bot's own presence (status 110), at once.
        doAnswer(invocation -> {
            Stanza join = invocation.getArgument(0);
            membership.intake().onPresence(ownPresence(join));
            return null;
        }).when(connection).sendStanza(any(Stanza.class));
        when(session.connection()).thenReturn(connection);
        when(session.isOnline()).thenReturn(true);
        when(session.settings().replyTimeout()).thenReturn(Duration.ofMinutes(1));
        Clock clock = Clock.systemUTC();
        membership = new RoomMembership(() -> RetiredRoomsTest.room(roomJid, RoomState.KEPT),
                Resourcepart.from("Majordome"), session, event -> { }, emitted::add, clock,
                new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1), RandomGenerator.getDefault()), timer, worker,
                new Semaphore(1), new SelfPing(roomJid.toString(), session, clock), new RoomSender(roomJid, session),
                mock(RoomMembership.AfterJoin.class), text -> { });
        membership.requestJoin();
        await().atMost(Duration.ofSeconds(30)).until(membership::isJoined);
    }

    @AfterEach
    void stopThreads() {
        worker.shutdownNow();
        timer.shutdownNow();
    }

    /**
     * Seen in CI (ResilienceIT, a frozen server): the room's worker was still waiting on a configuration request to
     * the frozen server when the keepalive gave up on the stream, so the room went on reporting JOINED after the
     * bot was back online in a new session that had not rejoined yet; a command said then was never answered.
     */
    @Test
    void aDroppedStreamStopsTheRoomCountingAsJoinedAtOnceEvenWhileItsWorkerWaitsOnTheSilentServer() {
        CountDownLatch requestAnswered = new CountDownLatch(1);
        worker.execute(() -> awaitQuietly(requestAnswered)); // a request to the frozen server, still waiting

        membership.offline();

        assertThat(membership.isJoined()).isFalse();
        assertThat(membership.status(true).state()).isEqualTo(RoomStatus.State.NOT_JOINED);
        assertThat(membership.status(true).problem().map(Object::toString)).contains("connection lost; waiting to resume or rejoin");

        membership.sessionLost();
        membership.requestJoin();
        requestAnswered.countDown();
        await().atMost(Duration.ofSeconds(30)).until(membership::isJoined);
        assertThat(membership.status(true).state()).isEqualTo(RoomStatus.State.JOINED);
    }

    @Test
    void aResumedSessionCountsTheRoomAsJoinedAgainOnceTheWorkerCatchesUp() {
        CountDownLatch requestAnswered = new CountDownLatch(1);
        worker.execute(() -> awaitQuietly(requestAnswered));

        membership.offline();
        membership.sessionResumed();

        assertThat(membership.isJoined()).as("not before the worker has caught up").isFalse();
        requestAnswered.countDown();
        await().atMost(Duration.ofSeconds(30)).until(membership::isJoined);
    }

    /**
     * Seen in a benchmark's log on a loaded machine: the bot stopping while a room's worker still waited on a
     * configuration request; the stream's closing presence took the bot out of the room before that room's leave had
     * run, and the room took its own departure for a removal: "removed from the room; rejoining", a membership-lost
     * event, and a rejoin scheduled while the bot stopped.
     */
    @Test
    void aRoomLeftWhileItsWorkerIsBusyDoesNotTakeItsOwnDepartureForARemoval() throws Exception {
        CountDownLatch requestAnswered = new CountDownLatch(1);
        worker.execute(() -> awaitQuietly(requestAnswered));

        var leaving = membership.leave("bye");
        membership.intake().onPresence(ownUnavailable());
        requestAnswered.countDown();
        leaving.get(30, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(emitted).filteredOn(RoomLeftEvent.class::isInstance).extracting(event -> ((RoomLeftEvent) event).reason())
                .doesNotContain(RoomLeftEvent.Reason.MEMBERSHIP_LOST);
        assertThat(membership.status(true).state()).isEqualTo(RoomStatus.State.STOPPED);
    }

    private Presence ownUnavailable() {
        MUCUser muc = new MUCUser();
        muc.setItem(new MUCItem(MUCRole.none, Resourcepart.fromOrThrowUnchecked("Majordome")));
        muc.addStatusCode(MUCUser.Status.PRESENCE_TO_SELF_110);
        return new StanzaFactory(new StandardStanzaIdSource()).buildPresenceStanza().ofType(Presence.Type.unavailable)
                .from(JidCreate.entityFullFromOrThrowUnchecked(roomJid + "/Majordome"))
                .to(JidCreate.entityFullFromOrThrowUnchecked("bot@localhost/majordome")).addExtension(muc).build();
    }

    private Presence ownPresence(Stanza join) {
        MUCUser muc = new MUCUser();
        muc.setItem(new MUCItem(MUCRole.moderator, Resourcepart.fromOrThrowUnchecked("Majordome")));
        muc.addStatusCode(MUCUser.Status.PRESENCE_TO_SELF_110);
        return new StanzaFactory(new StandardStanzaIdSource()).buildPresenceStanza()
                .from(join.getTo()).to(JidCreate.entityFullFromOrThrowUnchecked("bot@localhost/majordome"))
                .addExtension(muc).build();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
