package org.majordome.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jxmpp.jid.EntityBareJid;

/**
 * What the bot does with a declared room ({@code rooms[].state}): keeps it (the default), or retires it: destroys
 * it (XEP-0045 §10.9) on start and on the reload that declares it so, and never joins or recreates it.
 *
 * @param destroyed   {@code state: destroyed}
 * @param reason      {@code destroy-reason}: what occupants read when the room is destroyed
 * @param alternative {@code alternative-room}: the room occupants are pointed to instead
 */
public record RoomState(boolean destroyed, Optional<String> reason, Optional<EntityBareJid> alternative) {

    /** A room the bot keeps. */
    public static final RoomState KEPT = new RoomState(false, Optional.empty(), Optional.empty());

    public RoomState {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(alternative, "alternative");
    }

    /** A room to destroy and keep destroyed. */
    public static RoomState destroyed(Optional<String> reason, Optional<EntityBareJid> alternative) {
        return new RoomState(true, reason, alternative);
    }

    /**
     * The rooms a reload from {@code running} to {@code next} destroys: those {@code next} declares destroyed and
     * {@code running} did not (kept there, or not listed). A room merely removed from the file is never among them.
     */
    public static List<RoomSettings> destroyedByReload(List<RoomSettings> running, List<RoomSettings> next) {
        Set<EntityBareJid> alreadyDestroyed = running.stream().filter(room -> room.state().destroyed())
                .map(RoomSettings::jid).collect(Collectors.toSet());
        return next.stream().filter(room -> room.state().destroyed() && !alreadyDestroyed.contains(room.jid())).toList();
    }

    /** The reason and the alternative in words, for the log and {@code check-config}: "" when neither is set. */
    public String details() {
        StringBuilder text = new StringBuilder();
        reason.ifPresent(why -> text.append("reason '").append(why).append('\''));
        alternative.ifPresent(room -> text.append(text.isEmpty() ? "" : ", ").append("alternative ").append(room));
        return text.toString();
    }
}
