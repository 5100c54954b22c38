package org.majordome.config;

import java.util.Optional;

/**
 * The room configuration the bot owns and puts back when it drifts. An empty setting is left as the
 * server or other owners have it.
 *
 * @param title                     room name (muc#roomconfig_roomname)
 * @param description               muc#roomconfig_roomdesc
 * @param persistent                survives its last occupant leaving (defaults to true: keeping rooms
 *                                  alive is what the bot is for)
 * @param publicRoom                listed in the service's room directory
 * @param password                  the room password; a secret with empty text means "no password" (written
 *                                  {@code password: ''}), while an empty optional leaves it as it is
 * @param whoCanSeeRealJids         who sees real JIDs
 * @param membersOnly               only members may enter
 * @param moderated                 only occupants with voice may speak
 * @param maxUsers                  maximum number of occupants
 * @param occupantsMayChangeSubject whether participants (not only moderators) may set the subject
 * @param historyLength             how many messages the room replays to newcomers
 */
public record DesiredRoomConfig(Optional<String> title, Optional<String> description, Optional<Boolean> persistent,
                                Optional<Boolean> publicRoom, Optional<Secret> password,
                                Optional<WhoCanSeeRealJids> whoCanSeeRealJids, Optional<Boolean> membersOnly,
                                Optional<Boolean> moderated, Optional<Integer> maxUsers,
                                Optional<Boolean> occupantsMayChangeSubject, Optional<Integer> historyLength) {

    /** Only persistence, the bot's one opinion about a room nobody configured. */
    public static DesiredRoomConfig persistentOnly() {
        return new DesiredRoomConfig(Optional.empty(), Optional.empty(), Optional.of(true), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
