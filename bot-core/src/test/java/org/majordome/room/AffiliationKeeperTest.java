package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.StanzaError;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.api.event.Affiliation;
import org.majordome.config.RoomPeople;
import org.majordome.testing.CapturedLog;

/**
 * Applying the difference (issue 16 item 1) over a scripted server: several changes go in one request until the
 * server is seen applying only the first item, each refusal is logged once and named in the status.
 */
class AffiliationKeeperTest {

    private static final EntityBareJid ROOM = jid("lobby@conference.localhost");
    private static final EntityBareJid BOT = jid("bot@localhost");

    private final Map<EntityBareJid, Affiliation> server = new HashMap<>(Map.of(BOT, Affiliation.OWNER));
    private final AffiliationLists lists = mock(AffiliationLists.class);
    private final AffiliationKeeper keeper = new AffiliationKeeper(ROOM, BOT, lists, new AffiliationWriter(ROOM, lists));

    @Test
    void aServerApplyingOnlyTheFirstItemGetsOneItemPerRequestFromThenOn() throws Exception {
        serverApplies(true);
        RoomPeople people = people(List.of("alice@localhost", "dave@localhost"), List.of("bob@localhost"));

        keeper.reconcile(people);

        assertThat(server).containsEntry(jid("alice@localhost"), Affiliation.ADMIN)
                .containsEntry(jid("dave@localhost"), Affiliation.ADMIN)
                .containsEntry(jid("bob@localhost"), Affiliation.MEMBER);
        assertThat(keeper.unapplied()).isEmpty();
        server.remove(jid("alice@localhost"));
        server.remove(jid("dave@localhost"));

        keeper.reconcile(people);

        // First check: one request with three items, then the two the server dropped; second: one per item.
        verify(lists, times(1 + 2 + 2)).set(anyList());
        assertThat(server).containsEntry(jid("dave@localhost"), Affiliation.ADMIN);
    }

    @Test
    void aServerApplyingEveryItemKeepsGettingOneRequest() throws Exception {
        serverApplies(false);

        keeper.reconcile(people(List.of("alice@localhost", "dave@localhost"), List.of("bob@localhost")));

        verify(lists, times(1)).set(anyList());
        assertThat(server).hasSize(4);
    }

    @Test
    void aRefusalIsLoggedOnceAndNamedInTheStatusUntilTheSettingsChange() throws Exception {
        when(lists.readAll()).thenAnswer(invocation -> Map.copyOf(server));
        doAnswer(invocation -> {
            throw new XMPPException.XMPPErrorException(null, StanzaError.getBuilder(StanzaError.Condition.not_allowed)
                    .setDescriptiveEnText("Changing role/affiliation is not allowed").build());
        }).when(lists).set(anyList());
        RoomPeople people = people(List.of("alice@localhost"), List.of());

        try (CapturedLog log = CapturedLog.of("org.majordome.room")) {
            keeper.reconcile(people);
            keeper.reconcile(people);
            keeper.reconcile(people);
            assertThat(log.lines()).filteredOn(line -> line.startsWith("WARN")).singleElement().asString()
                    .contains("alice@localhost → admin: not-allowed (Changing role/affiliation is not allowed)");
            assertThat(keeper.unapplied())
                    .containsExactly("alice@localhost → admin: not-allowed (Changing role/affiliation is not allowed)");

            keeper.settingsChanged();
            keeper.reconcile(people);
            assertThat(log.lines()).filteredOn(line -> line.startsWith("WARN")).hasSize(2);
        }
    }

    @Test
    void anOwnerOrAdminOfARoomDeclaringNoAffiliationsIsKnownAsItsManagerAndNothingChanges() throws Exception {
        when(lists.read(Affiliation.OWNER)).thenReturn(List.of(entry("bot@localhost", Affiliation.OWNER),
                entry("carol@localhost", Affiliation.OWNER)));
        when(lists.read(Affiliation.ADMIN)).thenReturn(List.of(entry("dave@localhost", Affiliation.ADMIN)));

        keeper.reconcile(RoomPeople.NONE);

        assertThat(keeper.managers()).contains("carol@localhost", "dave@localhost");
        verify(lists, times(0)).readAll();
        verify(lists, times(0)).read(Affiliation.MEMBER);
        verify(lists, times(0)).set(anyList());
        assertThat(keeper.unapplied()).isEmpty();
    }

    @Test
    void aRefusedManagersReadInARoomDeclaringNobodyIsOnlyADebugLineAndForgetsTheManagers() throws Exception {
        when(lists.read(Affiliation.OWNER)).thenReturn(List.of(entry("carol@localhost", Affiliation.OWNER)));
        keeper.reconcile(RoomPeople.NONE);
        when(lists.read(Affiliation.OWNER)).thenThrow(new XMPPException.XMPPErrorException(null,
                StanzaError.getBuilder(StanzaError.Condition.forbidden).build()));

        try (CapturedLog log = CapturedLog.of("org.majordome.room")) {
            keeper.reconcile(RoomPeople.NONE);
            assertThat(log.lines()).noneMatch(line -> line.startsWith("WARN") || line.startsWith("ERROR"));
        }
        assertThat(keeper.managers()).isEmpty();
        assertThat(keeper.unapplied()).isEmpty();
    }

    private static org.majordome.api.room.AffiliationEntry entry(String jid, Affiliation affiliation) {
        return new org.majordome.api.room.AffiliationEntry(jid, affiliation, java.util.Optional.empty());
    }

    /** The scripted server: applies every item of a request, or only the first (as Prosody 0.12 does). */
    private void serverApplies(boolean onlyFirst) throws Exception {
        when(lists.readAll()).thenAnswer(invocation -> Map.copyOf(server));
        doAnswer(invocation -> {
            List<AffiliationPlan.Change> changes = invocation.getArgument(0);
            for (AffiliationPlan.Change change : onlyFirst ? changes.subList(0, 1) : changes) {
                server.put(change.jid(), change.to());
            }
            return null;
        }).when(lists).set(anyList());
    }

    private static RoomPeople people(List<String> admins, List<String> members) {
        return new RoomPeople(List.of(), admins.stream().map(AffiliationKeeperTest::jid).toList(),
                members.stream().map(AffiliationKeeperTest::jid).toList(), List.of(), List.of(), RoomPeople.Policy.KEEP);
    }

    private static EntityBareJid jid(String text) {
        return JidCreate.entityBareFromOrThrowUnchecked(text);
    }
}
