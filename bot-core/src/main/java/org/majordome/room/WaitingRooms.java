package org.majordome.room;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jxmpp.jid.EntityBareJid;
import org.majordome.config.RoomSettings;

/**
 * Splits the rooms to keep into those the {@link RoomAdmission} admits now, which {@link RoomKeeper} keeps, and the
 * others, which wait here (in configuration order) until it admits them. Always empty when the bot runs alone.
 */
final class WaitingRooms {

    private final RoomAdmission admission;
    private final Map<EntityBareJid, RoomSettings> waiting = new LinkedHashMap<>();

    WaitingRooms(RoomAdmission admission) {
        this.admission = admission;
    }

    RoomAdmission admission() {
        return admission;
    }

    /** The rooms admitted now, in order; the others wait (replacing those that waited before). */
    synchronized List<RoomSettings> admitted(List<RoomSettings> rooms) {
        waiting.clear();
        List<RoomSettings> admitted = new ArrayList<>();
        for (RoomSettings room : rooms) {
            if (admission.admits(room.jid())) {
                admitted.add(room);
            } else {
                waiting.put(room.jid(), room);
            }
        }
        return admitted;
    }

    synchronized List<RoomSettings> settings() {
        return List.copyOf(waiting.values());
    }

    synchronized List<EntityBareJid> jids() {
        return List.copyOf(waiting.keySet());
    }
}
