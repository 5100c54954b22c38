package org.majordome.api.room;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.majordome.api.event.Affiliation;

/**
 * A room's affiliation lists (XEP-0045 §9.5 outcasts, §9.8 members, §10.5 owners and admins), from
 * {@link RoomHandle#affiliations()}. Reading and changing them needs the admin or owner affiliation, depending on
 * the list and the server; a refusal comes back as {@link ActionResult.Refused} with the server's reason.
 *
 * <p>A room whose configuration declares its people ({@code owners}, {@code admins}, {@code members},
 * {@code outcasts}) has them put back at the bot's next check: change those through the file.
 */
public interface RoomAffiliations {

    /**
     * Reads one list.
     *
     * @param affiliation {@code OWNER}, {@code ADMIN}, {@code MEMBER} or {@code OUTCAST}
     * @return the entries, or empty when the list could not be read (not in the room, refused, no answer: logged)
     */
    CompletionStage<Optional<List<AffiliationEntry>>> list(Affiliation affiliation);

    /**
     * Sets several affiliations, in as few requests as the server accepts (one per entry on servers that apply
     * only the first item of a request, such as Prosody 0.12). The bot's own affiliation is never changed
     * ({@code NotSupported}).
     *
     * @return one result per change, in the order given
     */
    CompletionStage<List<AffiliationChange.Result>> change(List<AffiliationChange> changes);
}
