package org.majordome.webchat;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.RoomHandle;

/**
 * Which entering visitor the bot gives the room's entry role back to, when the server remembered the role a
 * moderator gave another visitor of the same account (ejabberd in a moderated room). The IT on both servers is
 * {@code WebChatServerBanIT.aVisitorMutedOnTheServerMadeEveryNextVisitorEnterWithoutVoice}.
 */
class SharedRolesTest {

    private static final String ROOM = "lobby@conference.localhost";
    private static final Visitor.Identity FIRST = new Visitor.Identity("first", "h1");
    private static final Visitor.Identity MUTED = new Visitor.Identity("muted", "h2");
    private static final Visitor.Identity NEXT = new Visitor.Identity("next", "h3");

    private final RoomHandle room = mock(RoomHandle.class);
    private SharedRoles roles;

    @BeforeEach
    void setUp() {
        WebRooms rooms = mock(WebRooms.class);
        when(rooms.handle(ROOM)).thenReturn(Optional.of(room));
        when(room.grantVoice(anyString())).thenReturn(CompletableFuture.completedFuture(new ActionResult.Done("")));
        when(room.revokeVoice(anyString())).thenReturn(CompletableFuture.completedFuture(new ActionResult.Done("")));
        roles = new SharedRoles(rooms, Runnable::run);
    }

    @Test
    void theNextVisitorEnteringWithoutVoiceAfterAnotherWasMutedGetsVoice() {
        roles.enteredAs(ROOM, "First", FIRST, "participant");
        roles.enteredAs(ROOM, "Muted", MUTED, "participant");
        roles.roleChanged(ROOM, MUTED, "visitor");

        roles.enteredAs(ROOM, "Next", NEXT, "visitor");

        verify(room).grantVoice("Next");
    }

    @Test
    void theMutedVisitorComingBackWithoutVoiceKeepsWhatTheServerGave() {
        roles.enteredAs(ROOM, "Muted", MUTED, "participant");
        roles.roleChanged(ROOM, MUTED, "visitor");

        roles.enteredAs(ROOM, "Muted again", MUTED, "visitor");

        verify(room, never()).grantVoice(anyString());
    }

    @Test
    void aMuteLiftedBeforeTheNextVisitorEntersLeavesNothingToPutBack() {
        roles.enteredAs(ROOM, "Muted", MUTED, "participant");
        roles.roleChanged(ROOM, MUTED, "visitor");
        roles.roleChanged(ROOM, MUTED, "participant");

        // The server remembers voice again; a visitor entering without it is the room's own doing (a member-only
        // voice, a moderated room changed meanwhile), not another visitor's mute.
        roles.enteredAs(ROOM, "Next", NEXT, "visitor");

        verify(room, never()).grantVoice(anyString());
    }

    @Test
    void inARoomWhereVisitorsEnterWithoutVoiceOneGivenVoiceDoesNotGiveItToTheNext() {
        roles.enteredAs(ROOM, "First", FIRST, "visitor");
        roles.roleChanged(ROOM, FIRST, "participant");

        roles.enteredAs(ROOM, "Next", NEXT, "participant");

        verify(room).revokeVoice("Next");
        verify(room, never()).grantVoice(anyString());
    }

    @Test
    void aRoomWhereNoVoiceWasChangedIsLeftAlone() {
        roles.enteredAs(ROOM, "First", FIRST, "participant");

        roles.enteredAs(ROOM, "Next", NEXT, "visitor");

        verify(room, never()).grantVoice(anyString());
        verify(room, never()).revokeVoice(anyString());
    }
}
