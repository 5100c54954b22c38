package org.majordome.api.room;

import java.util.Objects;
import java.util.Optional;

import org.majordome.api.event.Affiliation;

/**
 * One affiliation to set in a room (XEP-0045 §9-§10): {@code NONE} removes the JID from every list, {@code OUTCAST}
 * bans it.
 *
 * @param jid         the bare JID
 * @param affiliation the affiliation it gets
 * @param reason      the reason sent with the change, if any
 */
public record AffiliationChange(String jid, Affiliation affiliation, Optional<String> reason) {
    public AffiliationChange {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(affiliation, "affiliation");
        Objects.requireNonNull(reason, "reason");
    }

    /** A change without a reason. */
    public AffiliationChange(String jid, Affiliation affiliation) {
        this(jid, affiliation, Optional.empty());
    }

    /**
     * How one change of {@link RoomAffiliations#change} ended.
     *
     * @param change the change asked for
     * @param result its outcome: {@code Done}, or the server's refusal of this entry
     */
    public record Result(AffiliationChange change, ActionResult result) {
        public Result {
            Objects.requireNonNull(change, "change");
            Objects.requireNonNull(result, "result");
        }
    }
}
