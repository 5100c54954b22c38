package org.majordome.testing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What any client learns about a room from disco#info (XEP-0045 §6.4): the way tests check that the bot
 * configured a room, without relying on the bot's own view of it.
 *
 * @param title       the room identity's name (muc#roomconfig_roomname as published)
 * @param description the {@code muc#roominfo_description} field
 * @param features    all advertised features, e.g. {@code muc_persistent}, {@code muc_public}
 * @param fields      all muc#roominfo fields, by variable name
 */
public record RoomDiscoInfo(Optional<String> title, Optional<String> description, Set<String> features,
                            Map<String, List<String>> fields) {

    public RoomDiscoInfo {
        features = Set.copyOf(features);
        fields = Map.copyOf(fields);
    }

    public boolean persistent() {
        return features.contains("muc_persistent");
    }

    public boolean publicRoom() {
        return features.contains("muc_public");
    }

    public boolean membersOnly() {
        return features.contains("muc_membersonly");
    }

    public boolean moderated() {
        return features.contains("muc_moderated");
    }

    public boolean passwordProtected() {
        return features.contains("muc_passwordprotected");
    }

    /** Real JIDs visible to every occupant (whois = anyone). */
    public boolean nonAnonymous() {
        return features.contains("muc_nonanonymous");
    }

    public Optional<String> field(String variable) {
        return Optional.ofNullable(fields.get(variable)).filter(values -> !values.isEmpty()).map(List::getFirst);
    }
}
