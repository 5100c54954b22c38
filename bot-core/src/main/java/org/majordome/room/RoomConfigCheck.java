package org.majordome.room;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the last configuration check of a room found (XEP-0045 §10.2), for status pages: whether the room drifted
 * from its declared configuration and what was put back, what the server cannot express, and whether the bot was
 * refused the owner's form.
 *
 * @param checkedAt   when the last check ran; empty before the first
 * @param repaired    the settings the last check that found a drift put back (with the values it wrote)
 * @param repairedAt  when that repair was made
 * @param unsupported desired settings this server's form cannot express
 * @param refused     why the server refused the owner's form (the bot is not an owner), if it did
 */
public record RoomConfigCheck(Optional<Instant> checkedAt, List<String> repaired, Optional<Instant> repairedAt,
                              List<String> unsupported, Optional<String> refused) {

    /** Before any check. */
    public static final RoomConfigCheck NONE = new RoomConfigCheck(Optional.empty(), List.of(), Optional.empty(),
            List.of(), Optional.empty());

    public RoomConfigCheck {
        Objects.requireNonNull(checkedAt, "checkedAt");
        repaired = List.copyOf(repaired);
        Objects.requireNonNull(repairedAt, "repairedAt");
        unsupported = List.copyOf(unsupported);
        Objects.requireNonNull(refused, "refused");
    }

    /** A check at {@code at} that found the room as desired (an earlier repair stays on record). */
    RoomConfigCheck clean(Instant at, List<String> cannotExpress) {
        return new RoomConfigCheck(Optional.of(at), repaired, repairedAt, cannotExpress, Optional.empty());
    }

    /** A check at {@code at} that put drifted settings back. */
    RoomConfigCheck repairedNow(Instant at, List<String> changed, List<String> cannotExpress) {
        return new RoomConfigCheck(Optional.of(at), changed, Optional.of(at), cannotExpress, Optional.empty());
    }

    /** A check at {@code at} that the server refused. */
    RoomConfigCheck refusedNow(Instant at, String why) {
        return new RoomConfigCheck(Optional.of(at), repaired, repairedAt, unsupported, Optional.of(why));
    }
}
