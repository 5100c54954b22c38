package org.majordome.store;

import java.time.Instant;
import java.util.List;

/**
 * The table of rooms the bot was invited to ({@code invited_room}), so that it joins them again after a restart.
 * Plain text in, plain text out; the room package decides what goes in.
 */
public final class InvitedRoomTable {

    private final KeyedRecordTable table;

    public InvitedRoomTable(Database database) {
        this.table = new KeyedRecordTable(database, "invited_room", "room_jid", "invited_by", "invited_at",
                "invited_at, room_jid");
    }

    /** The stored rooms' bare JIDs, in the order they were stored. */
    public List<String> rooms() {
        return table.keys("the rooms the bot was invited to");
    }

    /** Stores a room, replacing what was stored for it. */
    public void put(String roomJid, String invitedBy, Instant at) {
        table.put(roomJid, invitedBy, at, "cannot store the invited room " + roomJid);
    }

    /** Forgets a room (left by an administrator's command); nothing happens when it is not stored. */
    public void delete(String roomJid) {
        table.delete(roomJid, "cannot forget the invited room " + roomJid);
    }

    /** Forgets every room (the configuration no longer keeps invited rooms across restarts). */
    public void clear() {
        table.clear("cannot forget the invited rooms");
    }
}
