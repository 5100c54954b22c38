package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.config.RoomState;
import org.majordome.config.RuntimeSettings;
import org.majordome.store.RoomOverlayTable;
import org.majordome.xmpp.XmppSession;

/**
 * The room keeper keeps only the declared rooms its {@link RoomAdmission} admits (an instance of a cluster: the rooms
 * whose lease it holds); the others wait, and an admission change joins and leaves rooms to match.
 */
class RoomKeeperAdmissionTest {

    private final XmppSession session = mock(XmppSession.class, RETURNS_DEEP_STUBS);
    private final Set<EntityBareJid> admitted = new CopyOnWriteArraySet<>();
    private RoomKeeper keeper;

    @AfterEach
    void tearDown() {
        if (keeper != null) {
            keeper.close();
        }
    }

    @Test
    void onlyAdmittedRoomsAreKeptAndAnAdmissionChangeMovesRoomsBetweenKeptAndWaiting() throws Exception {
        EntityBareJid one = JidCreate.entityBareFrom("one@conference.localhost");
        EntityBareJid two = JidCreate.entityBareFrom("two@conference.localhost");
        admitted.add(one);
        keeper = keeper(List.of(one, two));

        assertThat(keeper.status()).extracting(RoomStatus::roomJid).containsExactly(one.toString());
        assertThat(keeper.waiting()).containsExactly(two);
        assertThat(keeper.room(two.toString())).isEmpty();

        admitted.remove(one);
        admitted.add(two);
        List<String> changes = keeper.admissionChanged("").stream().map(Object::toString).toList();

        assertThat(changes).containsExactlyInAnyOrder("left " + one, "joining " + two);
        assertThat(keeper.status()).extracting(RoomStatus::roomJid).containsExactly(two.toString());
        assertThat(keeper.waiting()).containsExactly(one);
    }

    @Test
    void aReloadKeepsOnlyTheAdmittedRoomsOfTheNewFileAndAHandRemovedRoomStaysOut() throws Exception {
        EntityBareJid one = JidCreate.entityBareFrom("one@conference.localhost");
        EntityBareJid two = JidCreate.entityBareFrom("two@conference.localhost");
        EntityBareJid three = JidCreate.entityBareFrom("three@conference.localhost");
        admitted.addAll(List.of(one, three));
        keeper = keeper(List.of(one, two));

        keeper.apply(List.of(RetiredRoomsTest.room(one, RoomState.KEPT), RetiredRoomsTest.room(two, RoomState.KEPT),
                RetiredRoomsTest.room(three, RoomState.KEPT)), "bye");
        assertThat(keeper.status()).extracting(RoomStatus::roomJid).containsExactly(one.toString(), three.toString());
        assertThat(keeper.waiting()).containsExactly(two);

        keeper.release(one, "bye");
        admitted.add(two);
        keeper.admissionChanged("");
        assertThat(keeper.status()).extracting(RoomStatus::roomJid).containsExactlyInAnyOrder(three.toString(),
                two.toString());
        assertThat(keeper.waiting()).isEmpty();
    }

    @Test
    void aBotThatRunsAloneKeepsEveryRoom() throws Exception {
        EntityBareJid one = JidCreate.entityBareFrom("one@conference.localhost");
        keeper = new RoomKeeper(session, List.of(RetiredRoomsTest.room(one, RoomState.KEPT)), runtime(), event -> { },
                Clock.systemUTC(), mock(RoomOverlayTable.class));

        assertThat(keeper.status()).extracting(RoomStatus::roomJid).containsExactly(one.toString());
        assertThat(keeper.waiting()).isEmpty();
    }

    private RoomKeeper keeper(List<EntityBareJid> rooms) throws Exception {
        return new RoomKeeper(session, rooms.stream().map(room -> RetiredRoomsTest.room(room, RoomState.KEPT)).toList(),
                runtime(), event -> { }, Clock.systemUTC(), mock(RoomOverlayTable.class), admitted::contains);
    }

    private RuntimeSettings runtime() throws Exception {
        when(session.settings().nick()).thenReturn(Resourcepart.from("majordome"));
        when(session.isOnline()).thenReturn(false);
        return new RuntimeSettings(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofSeconds(2),
                Path.of("target", "unused"), ZoneOffset.UTC, Optional.empty(), RuntimeSettings.DEFAULT_LEAVE_STATUS);
    }
}
