package org.majordome.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.event.Affiliation;

/**
 * Who a room's affiliations and moderator roles are given to, as the configuration declares (XEP-0045 §5.2,
 * §9-§10): the room's {@code owners}, {@code admins}, {@code members}, {@code outcasts} (each with an optional
 * reason), the {@code moderators} granted the moderator role whenever they are present, and what the bot does
 * with affiliations the file does not declare ({@code affiliations: keep | exact}).
 *
 * @param owners     bare JIDs made owners
 * @param admins     bare JIDs made admins
 * @param members    bare JIDs made members
 * @param outcasts   bare JIDs banned, each with its reason
 * @param moderators bare JIDs given the moderator role whenever they are in the room (the bot must see real JIDs)
 * @param policy     what happens to affiliations the server has and the file does not declare
 */
public record RoomPeople(List<EntityBareJid> owners, List<EntityBareJid> admins, List<EntityBareJid> members,
                         List<Outcast> outcasts, List<EntityBareJid> moderators, Policy policy) {

    /** A room that declares nobody: the bot leaves its affiliations as they are. */
    public static final RoomPeople NONE = new RoomPeople(List.of(), List.of(), List.of(), List.of(), List.of(),
            Policy.KEEP);

    public RoomPeople {
        owners = List.copyOf(owners);
        admins = List.copyOf(admins);
        members = List.copyOf(members);
        outcasts = List.copyOf(outcasts);
        moderators = List.copyOf(moderators);
        Objects.requireNonNull(policy, "policy");
    }

    /** Whether the file declares anything about the room's people (else the bot does not even read the lists). */
    public boolean declaresAny() {
        return this.policy == Policy.EXACT || !owners.isEmpty() || !admins.isEmpty() || !members.isEmpty()
                || !outcasts.isEmpty();
    }

    /** Every declared affiliation by bare JID, in the file's order (owners first). */
    public Map<EntityBareJid, Affiliation> declared() {
        Map<EntityBareJid, Affiliation> declared = new LinkedHashMap<>();
        owners.forEach(jid -> declared.put(jid, Affiliation.OWNER));
        admins.forEach(jid -> declared.put(jid, Affiliation.ADMIN));
        members.forEach(jid -> declared.put(jid, Affiliation.MEMBER));
        outcasts.forEach(outcast -> declared.put(outcast.jid(), Affiliation.OUTCAST));
        return declared;
    }

    /** The declared reason for banning this JID, if it is an outcast with a reason. */
    public Optional<String> reasonFor(EntityBareJid jid) {
        return outcasts.stream().filter(outcast -> outcast.jid().equals(jid)).findFirst().flatMap(Outcast::reason);
    }

    /**
     * A banned JID.
     *
     * @param jid    the bare JID
     * @param reason why, sent to the server with the ban (ejabberd keeps it in the outcast list; Prosody does not)
     */
    public record Outcast(EntityBareJid jid, Optional<String> reason) {
        public Outcast {
            Objects.requireNonNull(jid, "jid");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** What the bot does with affiliations the server has and the file does not declare. */
    public enum Policy {
        /** The file only adds and changes affiliations; undeclared ones are left alone (the default). */
        KEEP,
        /** The file is the whole truth: undeclared affiliations are removed (set to none). */
        EXACT
    }
}
