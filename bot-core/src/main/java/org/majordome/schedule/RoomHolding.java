package org.majordome.schedule;

/**
 * Which rooms this instance carries jobs out for. A bot that runs alone holds every room ({@link #EVERY_ROOM}); an
 * instance of a cluster only the rooms whose lease it holds and may act in now (see {@code org.majordome.cluster}): a
 * room's persistent job fired elsewhere is handed over to it ({@link RoomHandoff}).
 */
@FunctionalInterface
public interface RoomHolding {

    /** Every room: the bot runs alone, or the jobs run where they fire. */
    RoomHolding EVERY_ROOM = room -> true;

    /** Whether this instance may act in the room (a bare JID, lower case) now; called on any thread: no waiting. */
    boolean holds(String roomJid);
}
