package org.majordome.plugins.moderation;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import org.majordome.api.room.RoomHandle;

/**
 * Whom {@code !pardon} is about and every key their record may be held under. A record is held under the most
 * stable identity the room gave at the offence (occupant id, else real JID, else nick, {@link Offender}), which
 * need not be the one the moderator names: a present occupant's nick gives all their keys; a bare JID gives its
 * own key and every key seen with it (occupant ids, from the points and the cases); the nick of someone absent
 * gives the identity of the latest case held against that nick.
 *
 * @param offender whom the pardon's case is recorded against
 * @param keys     the record keys to clear
 */
record PardonTarget(Offender offender, Set<String> keys) {

    static PardonTarget resolve(RoomHandle room, String target, CaseBook book) {
        Optional<Offender> present = room.occupant(target).map(Offender::of);
        if (present.isEmpty() && target.contains("@")) {
            String jid = TextNormalizer.lower(target);
            present = room.occupants().stream()
                    .filter(occupant -> occupant.realJid().map(jid::equalsIgnoreCase).orElse(false))
                    .findFirst().map(Offender::of)
                    .or(() -> Optional.of(Offender.ofJid(jid)));
        }
        if (present.isEmpty()) {
            present = book.latest(room.roomJid(), entry -> entry.nick().equals(target), 1).stream().findFirst()
                    .map(entry -> new Offender(entry.offenderKey(), target, entry.realJid(), entry.occupantId()));
        }
        Offender offender = present.orElseGet(() -> new Offender("nick:" + target, target, Optional.empty(),
                Optional.empty()));
        Set<String> keys = new LinkedHashSet<>();
        keys.add(offender.key());
        keys.add("nick:" + offender.nick());
        offender.occupantId().ifPresent(id -> keys.add("oid:" + id));
        offender.realJid().ifPresent(jid -> {
            keys.add("jid:" + jid);
            keys.addAll(book.keysSeenWith(room.roomJid(), jid));
        });
        return new PardonTarget(offender, keys);
    }
}
