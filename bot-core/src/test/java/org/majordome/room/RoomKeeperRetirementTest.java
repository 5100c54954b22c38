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

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.config.RoomSettings;
import org.majordome.config.RoomState;
import org.majordome.config.RuntimeSettings;
import org.majordome.store.RoomOverlayTable;
import org.majordome.xmpp.XmppSession;

/** Issue 16 item 2: the room keeper never keeps a room declared destroyed, and leaves the ones removed from the file. */
class RoomKeeperRetirementTest {

    private final XmppSession session = mock(XmppSession.class, RETURNS_DEEP_STUBS);
    private RoomKeeper keeper;

    @AfterEach
    void tearDown() {
        if (keeper != null) {
            keeper.close();
        }
    }

    @Test
    void aRoomDeclaredDestroyedIsNotKeptAtStartNorAfterAReloadThatDeclaresItSo() throws Exception {
        EntityBareJid lobby = JidCreate.entityBareFrom("lobby@conference.localhost");
        EntityBareJid old = JidCreate.entityBareFrom("old@conference.localhost");
        EntityBareJid other = JidCreate.entityBareFrom("other@conference.localhost");
        RoomState moved = RoomState.destroyed(Optional.of("Moved"), Optional.of(lobby));
        keeper = keeper(List.of(RetiredRoomsTest.room(lobby, RoomState.KEPT), RetiredRoomsTest.room(old, moved),
                RetiredRoomsTest.room(other, RoomState.KEPT)));

        assertThat(keeper.status()).extracting(RoomStatus::roomJid).containsExactly(lobby.toString(), other.toString());
        assertThat(keeper.room(old.toString())).isEmpty();

        List<String> changes = keeper.apply(List.of(
                RetiredRoomsTest.room(lobby, RoomState.destroyed(Optional.empty(), Optional.empty())),
                RetiredRoomsTest.room(old, moved)), "bye").stream().map(Object::toString).toList();

        assertThat(changes).containsExactly("left " + lobby, "left " + other, "destroying " + lobby);
        assertThat(keeper.status()).isEmpty();
    }

    @Test
    void aRoomRemovedFromTheFileIsLeftNotDestroyed() throws Exception {
        EntityBareJid lobby = JidCreate.entityBareFrom("lobby@conference.localhost");
        keeper = keeper(List.of(RetiredRoomsTest.room(lobby, RoomState.KEPT)));

        List<String> changes = keeper.apply(List.of(), "bye").stream().map(Object::toString).toList();

        assertThat(changes).containsExactly("left " + lobby);
    }

    private RoomKeeper keeper(List<RoomSettings> rooms) throws Exception {
        when(session.settings().nick()).thenReturn(Resourcepart.from("majordome"));
        when(session.isOnline()).thenReturn(false);
        RuntimeSettings runtime = new RuntimeSettings(Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofSeconds(2),
                Path.of("target", "unused"), ZoneOffset.UTC, Optional.empty(), RuntimeSettings.DEFAULT_LEAVE_STATUS);
        return new RoomKeeper(session, rooms, runtime, event -> { }, Clock.systemUTC(), mock(RoomOverlayTable.class));
    }
}
