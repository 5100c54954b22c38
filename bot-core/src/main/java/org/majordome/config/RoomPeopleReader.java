package org.majordome.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.text.Phrase;

/**
 * Reads a room's people for {@link RoomsReader}: {@code owners}, {@code admins}, {@code members}, {@code outcasts},
 * {@code moderators} and {@code affiliations: keep | exact}. An outcast is a bare JID, or a one-key mapping from
 * the bare JID to the reason ({@code - spammer@example.org: flooding the room}).
 *
 * <p>Reports a JID declared in two affiliation lists (the server keeps one affiliation per JID), a moderator who is
 * also an outcast, and the bot's own account in any list but {@code owners} (the bot never demotes itself).
 */
final class RoomPeopleReader {


    private RoomPeopleReader() {
    }

    /** @param botJid the bot's own account, when the connection section is valid */
    static RoomPeople people(ConfigReader room, Optional<EntityBareJid> botJid) {
        Map<EntityBareJid, Seen> seen = new HashMap<>();
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
        Map<EntityBareJid, Integer> moderatorsSeen = new HashMap<>();
        List<EntityBareJid> moderators = new ArrayList<>();
        for (ConfigValue item : room.list("moderators")) {
            item.asEntityBareJid().ifPresent(jid -> {
                if (moderatorsSeen.putIfAbsent(jid, line(item)) != null) {
                    item.reportProblem(Phrase.of("config.problem.moderator-twice", jid.toString(),
                            String.valueOf(moderatorsSeen.get(jid))), false);
                } else if (seen.containsKey(jid) && seen.get(jid).list().equals("outcasts")) {
                    item.reportProblem(Phrase.of("config.problem.moderator-outcast", jid.toString(),
                            String.valueOf(seen.get(jid).line())), false);
                } else {
                    moderators.add(jid);
                }
            });
        }
        RoomPeople.Policy policy = room.enumValue("affiliations", RoomPeople.Policy.class, RoomPeople.Policy.KEEP);
        return new RoomPeople(owners, admins, members, outcasts, moderators, policy);
    }

    private static List<EntityBareJid> jids(ConfigReader room, String key, Map<EntityBareJid, Seen> seen,
                                            Optional<EntityBareJid> forbidden) {
        List<EntityBareJid> jids = new ArrayList<>();
        for (ConfigValue item : room.list(key)) {
            item.asEntityBareJid().filter(jid -> accept(item, jid, key, seen, forbidden)).ifPresent(jids::add);
        }
        return jids;
    }

    /** Reports the JID if an earlier list has it or it is the bot's own account; else records where it is. */
    private static boolean accept(ConfigValue item, EntityBareJid jid, String key, Map<EntityBareJid, Seen> seen,
                                  Optional<EntityBareJid> botJid) {
        if (botJid.filter(jid::equals).isPresent()) {
            item.reportProblem(Phrase.of("config.problem.bot-affiliated", key), true);
            return false;
        }
        Seen first = seen.putIfAbsent(jid, new Seen(key, line(item)));
        if (first != null) {
            item.reportProblem(Phrase.of("config.problem.affiliation-twice", jid.toString(), first.list(),
                    String.valueOf(first.line())), true);
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
                item.reportProblem(Phrase.of("config.problem.outcast-entry"), false);
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
                entry.reportKeyProblem(text, Phrase.of("config.problem.value", Phrase.of("config.problem.expected",
                        Phrase.of("config.expected.bare-jid")), text));
                return Optional.empty();
            }
        });
    }

    private static int line(ConfigValue item) {
        return item.node().getStartMark().map(mark -> mark.getLine() + 1).orElse(0);
    }

    /** Where a JID was listed first: the list's key and the line. */
    private record Seen(String list, int line) {
    }
}
