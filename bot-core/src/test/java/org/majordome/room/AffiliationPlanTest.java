package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.api.event.Affiliation;
import org.majordome.config.RoomPeople;

/** The difference between declared and current affiliation lists (issue 16 item 1). */
class AffiliationPlanTest {

    private static final EntityBareJid BOT = jid("bot");

    @Test
    void keepAddsAndChangesButLeavesUndeclaredOnes() {
        RoomPeople people = people(List.of("carol"), List.of("alice"), List.of("bob"), RoomPeople.Policy.KEEP,
                new RoomPeople.Outcast(jid("troll"), Optional.of("spam")));
        Map<EntityBareJid, Affiliation> current = current(BOT, Affiliation.OWNER, jid("alice"), Affiliation.MEMBER,
                jid("bob"), Affiliation.MEMBER, jid("frank"), Affiliation.MEMBER);

        List<String> plan = describe(AffiliationPlan.of(people, current, BOT));

        assertThat(plan).containsExactly("carol@localhost → owner", "alice@localhost → admin",
                "troll@localhost → outcast");
        assertThat(AffiliationPlan.of(people, current, BOT)).filteredOn(change -> change.to() == Affiliation.OUTCAST)
                .singleElement().satisfies(change -> assertThat(change.reason()).contains("spam"));
    }

    @Test
    void exactAlsoRemovesUndeclaredOnesLast() {
        RoomPeople people = people(List.of(), List.of("alice"), List.of(), RoomPeople.Policy.EXACT);
        Map<EntityBareJid, Affiliation> current = current(BOT, Affiliation.OWNER, jid("frank"), Affiliation.MEMBER,
                jid("eve"), Affiliation.OUTCAST);

        assertThat(describe(AffiliationPlan.of(people, current, BOT))).containsExactly("alice@localhost → admin",
                "frank@localhost → none", "eve@localhost → none");
    }

    @Test
    void theBotsOwnAffiliationIsNeverChangedEvenWhenExactLeavesItOut() {
        RoomPeople people = people(List.of("carol"), List.of(), List.of(), RoomPeople.Policy.EXACT);
        Map<EntityBareJid, Affiliation> current = current(BOT, Affiliation.OWNER, jid("carol"), Affiliation.OWNER);

        assertThat(AffiliationPlan.of(people, current, BOT)).isEmpty();
    }

    @Test
    void theLastOwnerIsNeverRemoved() {
        // The bot is only an admin here (someone else made the room); the file declares no owner.
        RoomPeople people = people(List.of(), List.of("alice"), List.of(), RoomPeople.Policy.EXACT);
        Map<EntityBareJid, Affiliation> current = current(BOT, Affiliation.ADMIN, jid("carol"), Affiliation.OWNER,
                jid("alice"), Affiliation.ADMIN);

        assertThat(AffiliationPlan.of(people, current, BOT)).isEmpty();
    }

    @Test
    void anOwnerIsDemotedOnlyAfterTheNewOwnerIsMade() {
        RoomPeople people = people(List.of("dave"), List.of("carol"), List.of(), RoomPeople.Policy.KEEP);
        Map<EntityBareJid, Affiliation> current = current(BOT, Affiliation.ADMIN, jid("carol"), Affiliation.OWNER);

        assertThat(describe(AffiliationPlan.of(people, current, BOT))).containsExactly("dave@localhost → owner",
                "carol@localhost → admin");
    }

    @Test
    void nothingToDoWhenTheListsMatch() {
        RoomPeople people = people(List.of("carol"), List.of("alice"), List.of("bob"), RoomPeople.Policy.EXACT);
        Map<EntityBareJid, Affiliation> current = current(BOT, Affiliation.OWNER, jid("carol"), Affiliation.OWNER,
                jid("alice"), Affiliation.ADMIN, jid("bob"), Affiliation.MEMBER);

        assertThat(AffiliationPlan.of(people, current, BOT)).isEmpty();
    }

    private static RoomPeople people(List<String> owners, List<String> admins, List<String> members,
                                     RoomPeople.Policy policy, RoomPeople.Outcast... outcasts) {
        return new RoomPeople(owners.stream().map(AffiliationPlanTest::jid).toList(),
                admins.stream().map(AffiliationPlanTest::jid).toList(),
                members.stream().map(AffiliationPlanTest::jid).toList(), List.of(outcasts), List.of(), policy);
    }

    private static Map<EntityBareJid, Affiliation> current(Object... pairs) {
        Map<EntityBareJid, Affiliation> current = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            current.put((EntityBareJid) pairs[i], (Affiliation) pairs[i + 1]);
        }
        return current;
    }

    private static List<String> describe(List<AffiliationPlan.Change> plan) {
        return plan.stream().map(AffiliationPlan.Change::describe).toList();
    }

    private static EntityBareJid jid(String user) {
        return JidCreate.entityBareFromOrThrowUnchecked(user + "@localhost");
    }
}
