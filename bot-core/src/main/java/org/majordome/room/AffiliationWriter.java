package org.majordome.room;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.event.Affiliation;
import org.majordome.api.room.ActionResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies several affiliation changes in as few requests as the server accepts. It first sends them together and
 * reads the lists back: a server that applied them all (ejabberd) keeps getting one request; one that applied only
 * the first item and still answered {@code result} (Prosody 0.12) gets one request per item from then on. A
 * request refused as a whole is retried item by item, so that each refusal carries its own entry's reason.
 */
final class AffiliationWriter {

    private static final Logger log = LoggerFactory.getLogger(AffiliationWriter.class);

    private final String room;
    private final AffiliationLists lists;
    /** The server applies only one item per request (learnt once per room and session of the bot). */
    private volatile boolean oneItemPerRequest;

    AffiliationWriter(EntityBareJid room, AffiliationLists lists) {
        this.room = room.toString();
        this.lists = lists;
    }

    /** @return each change with its outcome, in the order given */
    Map<AffiliationPlan.Change, ActionResult> apply(List<AffiliationPlan.Change> changes) {
        Map<AffiliationPlan.Change, ActionResult> results = new LinkedHashMap<>();
        if (changes.size() < 2 || oneItemPerRequest) {
            changes.forEach(change -> results.put(change, one(change)));
            return results;
        }
        ActionResult together = RoomActions.run(() -> {
            lists.set(changes);
            return ActionResult.DONE;
        });
        if (!together.succeeded()) {
            changes.forEach(change -> results.put(change, one(change)));
            return results;
        }
        Map<EntityBareJid, Affiliation> now;
        try {
            now = lists.readAll();
        } catch (Exception unreadable) {
            // Setting an affiliation again is harmless: make sure of each one.
            changes.forEach(change -> results.put(change, one(change)));
            return results;
        }
        for (AffiliationPlan.Change change : changes) {
            if (now.getOrDefault(change.jid(), Affiliation.NONE) == change.to()) {
                results.put(change, ActionResult.DONE);
            } else {
                if (!oneItemPerRequest) {
                    oneItemPerRequest = true;
                    log.info("Room {}: the server applied only part of a request with several affiliation items; "
                            + "sending one item per request", room);
                }
                results.put(change, one(change));
            }
        }
        return results;
    }

    private ActionResult one(AffiliationPlan.Change change) {
        return RoomActions.run(() -> {
            lists.set(List.of(change));
            return ActionResult.DONE;
        });
    }
}
