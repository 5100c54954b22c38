package org.majordome.api.room;

import java.util.Collection;
import java.util.Optional;

/** The rooms the bot keeps, joined or not at the moment. */
public interface Rooms {

    /** The room with this bare JID, if the bot keeps it. */
    Optional<RoomHandle> room(String roomJid);

    /** Every room the bot keeps, in configuration order. */
    Collection<RoomHandle> all();
}
