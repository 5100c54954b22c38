package org.majordome.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;

/**
 * Reads a room's people for {@link RoomsReader}: {@code owners}, {@code admins}, {@code members}, {@code outcasts},
 * {@code moderators} and {@code affiliations: keep | exact}. An outcast is a bare JID, or a one-key mapping from
 * the bare JID to the reason ({@code - spammer@example.org: flooding the room}).
 *
 * <p>Reports a JID declared in two affiliation lists (the server keeps one affiliation per JID), a moderator who is
 * also an outcast, and the bot's own account in any list but {@code owners} (the bot never demotes itself).
 */
final class RoomPeopleReader {

    private static final String BARE_JID = "a bare JID of the form name@domain";

    private RoomPeopleReader() {
    }

    /** @param botJid the bot's own account, when the connection section is valid */
    static RoomPeople people(ConfigReader room, Optional<EntityBareJid> botJid) {
        Map<EntityBareJid, String> seen = new HashMap<>();
        List<EntityBareJid> owners = jids(room, "owners", seen, Optional.empty());
        List<EntityBareJid> admins = jids(room, "admins", seen, botJid);
        List<EntityBareJid> members = jids(room, "members", seen, botJid);
        List<RoomPeople.Outcast> outcasts = new ArrayList<>();
        for (ConfigValue item : room.list("outcasts")) {
            outcast(item).ifPresent(outcast -> {
                if (accept(item, outcast.jid(), "outcasts", seen, botJid)) {
                    outcasts.add(outcast);
                }
            });
        }
        Map<EntityBareJid, String> moderatorsSeen = new HashMap<>();
        List<EntityBareJid> moderators = new ArrayList<>();
        for (ConfigValue item : room.list("moderators")) {
            item.asEntityBareJid().ifPresent(jid -> {
                if (moderatorsSeen.putIfAbsent(jid, where(item)) != null) {
                    item.reportProblem(jid + " is already listed in moderators at " + moderatorsSeen.get(jid), false);
                } else if ("outcasts".equals(listOf(seen.get(jid)))) {
                    item.reportProblem(jid + " cannot be a moderator: it is an outcast (" + seen.get(jid) + ")", false);
                } else {
                    moderators.add(jid);
                }
            });
        }
        RoomPeople.Policy policy = room.enumValue("affiliations", RoomPeople.Policy.class, RoomPeople.Policy.KEEP);
        return new RoomPeople(owners, admins, members, outcasts, moderators, policy);
    }

    private static List<EntityBareJid> jids(ConfigReader room, String key, Map<EntityBareJid, String> seen,
                                            Optional<EntityBareJid> forbidden) {
        List<EntityBareJid> jids = new ArrayList<>();
        for (ConfigValue item : room.list(key)) {
            item.asEntityBareJid().filter(jid -> accept(item, jid, key, seen, forbidden)).ifPresent(jids::add);
        }
        return jids;
    }

    /** Reports the JID if an earlier list has it or it is the bot's own account; else records where it is. */
    private static boolean accept(ConfigValue item, EntityBareJid jid, String key, Map<EntityBareJid, String> seen,
                                  Optional<EntityBareJid> botJid) {
        if (botJid.filter(jid::equals).isPresent()) {
            item.reportProblem("the bot's own account cannot be in " + key + ": the bot keeps its owner affiliation "
                    + "(list it in owners or nowhere)", true);
            return false;
        }
        String first = seen.putIfAbsent(jid, key + " at " + where(item));
        if (first != null) {
            item.reportProblem(jid + " is already listed in " + first + "; a JID has one affiliation", true);
            return false;
        }
        return true;
    }

    private static Optional<RoomPeople.Outcast> outcast(ConfigValue item) {
        if (!(item.node() instanceof org.snakeyaml.engine.v2.nodes.MappingNode)) {
            return item.asEntityBareJid().map(jid -> new RoomPeople.Outcast(jid, Optional.empty()));
        }
        return item.asSection().flatMap(entry -> {
            List<String> keys = entry.keys();
            if (keys.size() != 1) {
                item.reportProblem("expected a bare JID, or one 'name@domain: reason' entry", false);
                return Optional.empty();
            }
            String text = keys.get(0);
            Optional<String> reason = entry.optionalString(text).map(String::strip).filter(r -> !r.isEmpty());
            try {
                if (text.indexOf('@') < 0 || text.indexOf('@') != text.lastIndexOf('@') || text.indexOf('/') >= 0
                        || text.chars().anyMatch(Character::isWhitespace)) {
                    throw new IllegalArgumentException("not a bare JID");
                }
                return Optional.of(new RoomPeople.Outcast(JidCreate.entityBareFrom(text), reason));
            } catch (Exception invalid) {
                entry.reportKeyProblem(text, "expected " + BARE_JID + ", got '" + text + "'");
                return Optional.empty();
            }
        });
    }

    private static String where(ConfigValue item) {
        return "line " + item.node().getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    }

    private static String listOf(String seenAt) {
        return seenAt == null ? null : seenAt.substring(0, seenAt.indexOf(' '));
    }
}
