package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.junit.jupiter.api.Test;
import org.majordome.xmpp.XmppSession;

/**
 * What a plugin's room handle says of an instance of a cluster that may no longer act in a room it is still in (its
 * lease is running out, it has not left yet). A timer every instance runs (an in-memory job: a notice, a topic
 * rotation) asks {@code joined()} before it acts and records what it did: the instance that may not act must skip
 * the room, so that the holder, which is joined and may act, is the one that acts, and the skipping one records
 * nothing it did not do (a notice marked posted that nobody saw).
 */
class RoomHandleFencingTest {

    @Test
    void aRoomTheInstanceIsInButMayNoLongerActInIsNotJoinedForPlugins() {
        KeptRoom room = mock(KeptRoom.class);
        when(room.isJoined()).thenReturn(true);
        when(room.mayAct()).thenReturn(false);

        assertThat(new RoomActions(room, mock(XmppSession.class), Runnable::run).joined()).isFalse();
    }

    @Test
    void aRoomTheInstanceHoldsAndIsInIsJoined() {
        KeptRoom room = mock(KeptRoom.class);
        when(room.isJoined()).thenReturn(true);
        when(room.mayAct()).thenReturn(true);

        assertThat(new RoomActions(room, mock(XmppSession.class), Runnable::run).joined()).isTrue();
    }
}
