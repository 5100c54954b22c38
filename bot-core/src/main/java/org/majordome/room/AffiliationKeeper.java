package org.majordome.room;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.event.Affiliation;
import org.majordome.api.room.ActionResult;
import org.majordome.config.RoomPeople;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a room's affiliations as its configuration declares them (XEP-0045 §9.5, §10.5): at each join and
 * configuration check, reads the server's lists, computes the difference ({@link AffiliationPlan}) and applies it
 * ({@link AffiliationWriter}). Each refusal is logged once, with the server's reason, until it is applied or the
 * settings change; what could not be applied is part of the room's status. A room declaring nobody has only its
 * owner and admin lists read, for {@link #managers()}, and nothing changed. Runs on the room's worker.
 */
final class AffiliationKeeper {

    private static final Logger log = LoggerFactory.getLogger(AffiliationKeeper.class);

    private final String room;
    private final EntityBareJid bot;
    private final AffiliationLists lists;
    private final AffiliationWriter writer;

    /** The declared entries the server refused, each with why, for status displays. */
    private volatile List<String> unapplied = List.of();
    /** The owners and admins on the server's lists at the last read: who else manages the room (the console). */
    private volatile Set<String> managers = Set.of();
    // Touched only on the room's worker thread: what was already logged.
    private final Set<String> logged = new HashSet<>();

    AffiliationKeeper(EntityBareJid room, EntityBareJid bot, AffiliationLists lists, AffiliationWriter writer) {
        this.room = room.toString();
        this.bot = bot;
        this.lists = lists;
        this.writer = writer;
    }

    /** The declared entries that could not be applied at the last check, with the server's reason. */
    List<String> unapplied() {
        return unapplied;
    }

    /** The bare JIDs on the server's owner and admin lists at the last read (empty before it or when none is read). */
    Set<String> managers() {
        return managers;
    }

    /** New desired settings: refusals are worth saying again. */
    void settingsChanged() {
        logged.clear();
    }

    /** Reads the lists and applies the difference with the declared people. */
    void reconcile(RoomPeople people) {
        if (!people.declaresAny()) {
            unapplied = List.of();
            readManagers();
            return;
        }
        Map<EntityBareJid, Affiliation> current;
        try {
            current = lists.readAll();
        } catch (XMPPException.XMPPErrorException e) {
            String text = e.getStanzaError().getDescriptiveText();
            String why = "the affiliation lists cannot be read: " + e.getStanzaError().getCondition()
                    + (text == null || text.isBlank() ? "" : " (" + text + ")");
            unapplied = List.of(why);
            if (logged.add(why)) {
                log.warn("Room {}: {}; the declared affiliations are not applied", room, why);
            }
            return;
        } catch (SmackException.NotConnectedException | SmackException.NoResponseException e) {
            log.debug("Room {}: affiliation lists not read ({}); will check again", room, e.toString());
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            log.warn("Room {}: affiliation lists not read: {}", room, e.toString());
            return;
        }
        managers = current.entrySet().stream()
                .filter(entry -> entry.getValue() == Affiliation.OWNER || entry.getValue() == Affiliation.ADMIN)
                .map(entry -> entry.getKey().toString()).collect(Collectors.toUnmodifiableSet());
        List<AffiliationPlan.Change> plan = AffiliationPlan.of(people, current, bot);
        Map<AffiliationPlan.Change, ActionResult> results = plan.isEmpty() ? Map.of() : writer.apply(plan);
        List<String> refused = new ArrayList<>();
        List<String> done = new ArrayList<>();
        results.forEach((change, result) -> {
            if (result.succeeded()) {
                done.add(change.describe() + " (was " + change.from().name().toLowerCase(java.util.Locale.ROOT) + ")");
                logged.removeIf(line -> line.startsWith(change.describe() + ":"));
            } else {
                String line = change.describe() + ": " + reason(result);
                refused.add(line);
                if (logged.add(line)) {
                    log.warn("Room {}: declared affiliation not applied, {}", room, line);
                }
            }
        });
        if (!done.isEmpty()) {
            log.info("Room {}: affiliations put as declared: {}", room, String.join(", ", done));
        }
        unapplied = List.copyOf(refused);
    }

    /**
     * A room declaring nobody still has owners and admins who may use the console: reads their two lists and changes
     * nothing. A server may refuse the admin list to a bot that is not an owner there; the room then has no known
     * managers, which is no news worth more than a debug line.
     */
    private void readManagers() {
        try {
            Set<String> read = new HashSet<>();
            for (Affiliation list : List.of(Affiliation.OWNER, Affiliation.ADMIN)) {
                lists.read(list).forEach(entry -> read.add(entry.jid()));
            }
            managers = Set.copyOf(read);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            if (e instanceof XMPPException.XMPPErrorException) {
                // Refused now: whoever the lists named before is no longer known to manage the room.
                managers = Set.of();
            }
            log.debug("Room {}: owner and admin lists not read ({}); only the declared people manage it", room,
                    e.toString());
        }
    }

    static String reason(ActionResult result) {
        return switch (result) {
            case ActionResult.Refused refused -> refused.errorCondition()
                    + (refused.text().isEmpty() ? "" : " (" + refused.text() + ")");
            case ActionResult.NotSupported notSupported -> notSupported.why();
            case ActionResult.Failed failed -> failed.why();
            case ActionResult.Done ignored -> "done";
        };
    }
}
