package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.api.room.ActionResult;
import org.majordome.config.DesiredRoomConfig;
import org.majordome.config.RoomSettings;
import org.majordome.config.RoomState;
import org.majordome.testing.CapturedLog;

/**
 * Issue 16 item 2: rooms declared {@code state: destroyed} are destroyed at start and at the reload that declares
 * them so, never when merely removed from the file, and a recreation is logged once.
 */
class RetiredRoomsTest {

    private static final EntityBareJid OLD = jid("old@conference.localhost");
    private static final EntityBareJid LOBBY = jid("lobby@conference.localhost");
    private static final RoomState MOVED = RoomState.destroyed(Optional.of("Moved"), Optional.of(LOBBY));

    private final RoomDestroyer destroyer = mock(RoomDestroyer.class);
    private final AtomicBoolean online = new AtomicBoolean(true);

    @Test
    void aRoomDeclaredDestroyedIsDestroyedOnceTheFirstSessionIsOnlineAndSaysSoInOneLine() {
        when(destroyer.destroy(OLD, MOVED)).thenReturn(ActionResult.DONE);
        online.set(false);
        RetiredRooms retired = retired(List.of(room(LOBBY, RoomState.KEPT), room(OLD, MOVED)));
        try (CapturedLog log = CapturedLog.of("org.majordome.room")) {
            retired.check();
            verify(destroyer, never()).destroy(any(), any());

            online.set(true);
            retired.online();
            retired.online();

            verify(destroyer, times(1)).destroy(OLD, MOVED);
            assertThat(retired.standings()).containsExactly(Map.entry(OLD, RetiredRooms.Standing.GONE));
            assertThat(log.lines()).filteredOn(line -> line.contains("destroyed")).singleElement().satisfies(line ->
                    assertThat(line).contains("INFO", "Room old@conference.localhost: destroyed at start "
                            + "(reason 'Moved', alternative lobby@conference.localhost)"));
        }
    }

    @Test
    void aReloadDestroysAKeptRoomOnlyOnceTheBotHasLeftIt() {
        when(destroyer.destroy(OLD, MOVED)).thenReturn(ActionResult.DONE);
        RetiredRooms retired = retired(List.of(room(OLD, RoomState.KEPT)));
        CompletableFuture<Void> leaving = new CompletableFuture<>();

        try (CapturedLog log = CapturedLog.of("org.majordome.room")) {
            List<String> changes = retired.declare(List.of(room(OLD, MOVED)), Map.of(OLD, leaving)).stream()
                    .map(Object::toString).toList();

            assertThat(changes).containsExactly("destroying " + OLD);
            verify(destroyer, never()).destroy(any(), any());
            leaving.complete(null);
            verify(destroyer).destroy(OLD, MOVED);
            assertThat(log.has("INFO", "Room old@conference.localhost: destroyed on configuration reload")).isTrue();
        }
    }

    @Test
    void aRoomRemovedFromTheFileIsNeverDestroyedNorOneDeclaredDestroyedAgain() {
        when(destroyer.destroy(OLD, MOVED)).thenReturn(ActionResult.DONE);
        RetiredRooms retired = retired(List.of(room(LOBBY, RoomState.KEPT), room(OLD, MOVED)));
        retired.online();

        assertThat(retired.declare(List.of(room(OLD, MOVED)), Map.of())).isEmpty();
        assertThat(retired.declare(List.of(), Map.of(LOBBY, CompletableFuture.completedFuture(null)))).isEmpty();
        retired.online();
        retired.check();

        verify(destroyer, times(1)).destroy(any(), any());
        verify(destroyer, never()).destroy(LOBBY, RoomState.KEPT);
        assertThat(retired.declared()).isEmpty();
    }

    @Test
    void aRoomSomeoneRecreatesIsLoggedOncePerRecreationAndLeftAlone() {
        when(destroyer.destroy(OLD, MOVED)).thenReturn(new ActionResult.Refused("item-not-found", ""));
        RetiredRooms retired = retired(List.of(room(OLD, MOVED)));
        retired.online();
        try (CapturedLog log = CapturedLog.of("org.majordome.room")) {
            when(destroyer.existence(OLD)).thenReturn(RoomDestroyer.Existence.EXISTS);
            retired.check();
            retired.check();
            when(destroyer.existence(OLD)).thenReturn(RoomDestroyer.Existence.GONE);
            retired.check();
            when(destroyer.existence(OLD)).thenReturn(RoomDestroyer.Existence.EXISTS);
            retired.check();

            assertThat(log.lines()).filteredOn(line -> line.contains("someone recreated it")).hasSize(2)
                    .allSatisfy(line -> assertThat(line).contains("WARN", "Room old@conference.localhost: declared "
                            + "destroyed, but someone recreated it; the bot leaves it alone"));
            verify(destroyer, times(1)).destroy(OLD, MOVED);
        }
    }

    @Test
    void aRefusedDestructionIsLoggedAndNotTriedAgainUntilAReloadOrRestart() {
        when(destroyer.destroy(OLD, MOVED)).thenReturn(new ActionResult.Refused("forbidden", "Only owners"));
        RetiredRooms retired = retired(List.of(room(OLD, MOVED)));
        try (CapturedLog log = CapturedLog.of("org.majordome.room")) {
            retired.online();
            retired.check();

            verify(destroyer, times(1)).destroy(OLD, MOVED);
            verify(destroyer, never()).existence(any());
            assertThat(log.has("WARN", "Room old@conference.localhost: could not destroy it at start", "forbidden"))
                    .isTrue();
        }
    }

    @Test
    void aRequestThatGotNoAnswerIsTriedAgainAtTheNextCheck() {
        when(destroyer.destroy(OLD, MOVED)).thenReturn(new ActionResult.Failed("no answer from the server in time"),
                ActionResult.DONE);
        RetiredRooms retired = retired(List.of(room(OLD, MOVED)));

        retired.online();
        retired.check();

        verify(destroyer, times(2)).destroy(OLD, MOVED);
        assertThat(retired.standings()).containsEntry(OLD, RetiredRooms.Standing.GONE);
    }

    private RetiredRooms retired(List<RoomSettings> atStart) {
        return new RetiredRooms(destroyer, Runnable::run, online::get, atStart);
    }

    static RoomSettings room(EntityBareJid jid, RoomState state) {
        return new RoomSettings(jid, Optional.empty(), Optional.empty(), DesiredRoomConfig.persistentOnly(), List.of(),
                false, Optional.empty()).withState(state);
    }

    private static EntityBareJid jid(String text) {
        try {
            return JidCreate.entityBareFrom(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
