package org.majordome.room;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One kept room as the bot sees it now, for status displays and readiness.
 *
 * @param roomJid    the room
 * @param state      where the room's life cycle stands
 * @param nick       the nick the bot has (or last tried)
 * @param occupants  how many occupants besides the bot
 * @param since      when the room entered this state
 * @param problem    the last thing that went wrong, if any (worded in the reader's language)
 * @param configurationChecked since the last join, the room's configuration was compared with the desired one
 *                   (and put back where it drifted, or found not to be the bot's to change)
 * @param unapplied  the declared affiliations the server refused at the last check, each with the server's reason
 */
public record RoomStatus(String roomJid, State state, String nick, int occupants, Instant since,
                         Optional<RoomProblem> problem, boolean configurationChecked, List<String> unapplied) {

    public RoomStatus {
        unapplied = List.copyOf(unapplied);
    }

    /** A room whose declared affiliations were all applied (or that declares none). */
    public RoomStatus(String roomJid, State state, String nick, int occupants, Instant since,
                      Optional<RoomProblem> problem, boolean configurationChecked) {
        this(roomJid, state, nick, occupants, since, problem, configurationChecked, List.of());
    }

    /** This status with the declared affiliations the server refused. */
    public RoomStatus withUnapplied(List<String> entries) {
        return new RoomStatus(roomJid, state, nick, occupants, since, problem, configurationChecked, entries);
    }

    /** In the room and done with its configuration: what readiness waits for. */
    public boolean ready() {
        return state == State.JOINED && configurationChecked;
    }

    /** Life cycle of a kept room. */
    public enum State {
        /** Not in the room; a join will be tried as soon as the bot is online. */
        NOT_JOINED,
        /** Join presence sent, waiting for the room's answer. */
        JOINING,
        /** In the room. */
        JOINED,
        /** A join failed or the bot was removed; the next attempt is scheduled. */
        WAITING_TO_REJOIN,
        /**
         * The room banned the bot: it tries again less and less often (at most {@code runtime.rejoin-backoff-max}
         * apart), at each configuration check and when an administrator asks to join, until the ban is lifted.
         */
        BANNED,
        /** The bot left for good (shutdown or the room was removed from the configuration). */
        STOPPED
    }
}
