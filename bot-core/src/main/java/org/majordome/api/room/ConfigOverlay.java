package org.majordome.api.room;

import java.util.Optional;

/**
 * Room settings laid for a while over the room's desired configuration (the one the bot's configuration file
 * declares), for example a lockdown during a raid. Each present setting overrides the declared one while the
 * overlay lasts; an empty one leaves it alone. See {@link RoomHandle#applyOverlay}.
 *
 * @param moderated   only occupants with voice may speak (owner form field {@code muc#roomconfig_moderatedroom})
 * @param membersOnly only members may enter (owner form field {@code muc#roomconfig_membersonly})
 */
public record ConfigOverlay(Optional<Boolean> moderated, Optional<Boolean> membersOnly) {

    /** An overlay that makes the room moderated (or not), and nothing else. */
    public static ConfigOverlay moderated(boolean moderated) {
        return new ConfigOverlay(Optional.of(moderated), Optional.empty());
    }

    /** An overlay that makes the room members-only (or not), and nothing else. */
    public static ConfigOverlay membersOnly(boolean membersOnly) {
        return new ConfigOverlay(Optional.empty(), Optional.of(membersOnly));
    }

    /** True when it sets nothing. */
    public boolean isEmpty() {
        return moderated.isEmpty() && membersOnly.isEmpty();
    }
}
