package org.majordome.api.room;

import java.util.Objects;
import java.util.Optional;

import org.majordome.api.event.Affiliation;

/**
 * One entry of a room's affiliation list (XEP-0045 §9.5, §9.8, §10.5) as the server reports it.
 *
 * @param jid         the bare JID, lower case
 * @param affiliation the list it is on
 * @param reason      the reason the server keeps with it (ejabberd keeps outcasts' reasons; Prosody 0.12 does not)
 */
public record AffiliationEntry(String jid, Affiliation affiliation, Optional<String> reason) {
    public AffiliationEntry {
        Objects.requireNonNull(jid, "jid");
        Objects.requireNonNull(affiliation, "affiliation");
        Objects.requireNonNull(reason, "reason");
    }
}
