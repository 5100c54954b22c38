package org.majordome.room;

import org.jxmpp.jid.EntityBareJid;

/**
 * Which of the declared rooms this bot may be in and act in now. A bot that runs alone keeps every room
 * ({@link #EVERY_ROOM}); an instance of a cluster only the rooms whose lease it holds (see
 * {@code org.majordome.cluster}). {@link RoomKeeper} asks before it joins a room, before it hands a room's stanzas
 * to the intake, and {@link RoomActions} before every action; when the answer changes, whoever decides it calls
 * {@link RoomKeeper#admissionChanged}, which joins and leaves rooms to match.
 */
@FunctionalInterface
public interface RoomAdmission {

    /** Every room: the bot runs alone. */
    RoomAdmission EVERY_ROOM = room -> true;

    /** Whether the bot may be in the room and act there now; called often, on any thread: no waiting. */
    boolean admits(EntityBareJid room);
}
