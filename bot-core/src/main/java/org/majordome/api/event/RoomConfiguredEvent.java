package org.majordome.api.event;

import java.time.Instant;
import java.util.List;

/**
 * The bot compared a room's configuration with the desired one and put drifted settings back.
 *
 * @param changedSettings the desired settings that had drifted and were submitted (empty: nothing drifted)
 */
public record RoomConfiguredEvent(String roomJid, List<String> changedSettings, Instant receivedAt) implements RoomEvent {
    public RoomConfiguredEvent {
        changedSettings = List.copyOf(changedSettings);
    }
}
