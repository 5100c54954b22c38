package org.majordome.room;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.event.Affiliation;
import org.majordome.config.RoomPeople;

/**
 * The difference between a room's affiliation lists on the server and the ones its configuration declares
 * (XEP-0045 §9.5, §10.5): what to change, in an order that never leaves the room without an owner.
 *
 * <p>Two rules hold whatever the file says: the bot's own affiliation is never changed (it keeps its ownership),
 * and no change takes away the room's last owner: demotions of owners are dropped when no owner would remain.
 */
final class AffiliationPlan {

    private AffiliationPlan() {
    }

    /**
     * One affiliation to set.
     *
     * @param jid    whose
     * @param from   the affiliation the server lists now ({@code NONE} when on no list)
     * @param to     the affiliation wanted
     * @param reason the reason sent with it (a declared outcast's)
     */
    record Change(EntityBareJid jid, Affiliation from, Affiliation to, Optional<String> reason) {
        /** Short form for logs and status: {@code alice@example.org → admin}. */
        String describe() {
            return jid + " → " + to.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param people  what the file declares
     * @param current the server's lists: every JID with an affiliation other than none
     * @param bot     the bot's own bare JID, never changed
     * @return the changes, promotions to owner first and removals last
     */
    static List<Change> of(RoomPeople people, Map<EntityBareJid, Affiliation> current, EntityBareJid bot) {
        Map<EntityBareJid, Affiliation> declared = people.declared();
        List<Change> changes = new ArrayList<>();
        declared.forEach((jid, wanted) -> {
            Affiliation now = current.getOrDefault(jid, Affiliation.NONE);
            if (!jid.equals(bot) && now != wanted) {
                changes.add(new Change(jid, now, wanted, people.reasonFor(jid)));
            }
        });
        if (people.policy() == RoomPeople.Policy.EXACT) {
            current.forEach((jid, now) -> {
                if (now != Affiliation.NONE && !declared.containsKey(jid) && !jid.equals(bot)) {
                    changes.add(new Change(jid, now, Affiliation.NONE, Optional.empty()));
                }
            });
        }
        Set<EntityBareJid> owners = new HashSet<>();
        current.forEach((jid, now) -> {
            if (now == Affiliation.OWNER) {
                owners.add(jid);
            }
        });
        for (Change change : changes) {
            if (change.to() == Affiliation.OWNER) {
                owners.add(change.jid());
            } else if (change.from() == Affiliation.OWNER) {
                owners.remove(change.jid());
            }
        }
        List<Change> kept = new ArrayList<>(owners.isEmpty()
                ? changes.stream().filter(change -> change.from() != Affiliation.OWNER).toList() : changes);
        // New owners before anything else, so that a demoted owner is never the last one meanwhile.
        kept.sort(Comparator.comparingInt(AffiliationPlan::rank));
        return List.copyOf(kept);
    }

    private static int rank(Change change) {
        if (change.to() == Affiliation.OWNER) {
            return 0;
        }
        return change.to() == Affiliation.NONE ? 2 : 1;
    }
}
