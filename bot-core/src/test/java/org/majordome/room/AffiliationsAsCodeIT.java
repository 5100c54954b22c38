package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jivesoftware.smackx.muc.Affiliate;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.api.event.Affiliation;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.AffiliationChange;
import org.majordome.api.room.AffiliationEntry;
import org.majordome.api.room.RoomHandle;
import org.majordome.config.DesiredRoomConfig;
import org.majordome.config.RoomPeople;
import org.majordome.config.RoomSettings;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.CapturedLog;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.ServerKind;
import org.majordome.testing.ServerSettings;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * Affiliations as code against a real Prosody and a real ejabberd (XEP-0045 §9.5 outcasts, §9.8 members, §10.5
 * owners and admins): the room keeper declares who owns, administers, belongs to and is banned from a room, and
 * the bot makes the server's lists say so at start and at each configuration check, without ever demoting itself.
 *
 * <p>{@code owner@localhost} is a server admin, which both servers make an owner of every room: it plays the human
 * who changes the lists by hand.
 *
 * <p>Servers differ: Prosody 0.12 applies only the first item of a muc#admin request carrying several (and answers
 * {@code result}), so the bot learns to send one item per request there, while ejabberd takes them all at once;
 * ejabberd keeps an outcast's reason in the list, Prosody does not. A bot that is only an admin cannot read the
 * owner list on Prosody ({@code forbidden}: the bot then applies nothing and says so), while ejabberd lets it read
 * the lists and refuses the owner grant itself ({@code not-allowed}).
 */
@Proves(value = Feature.AFFILIATIONS_AS_CODE, difference = "Prosody 0.12 applies only the first item of a muc#admin "
        + "request with several (the bot then sends one per request), ejabberd all of them; ejabberd's outcast list "
        + "keeps the reasons, Prosody's does not; an admin (not owner) may not read the owner list on Prosody, while "
        + "ejabberd lets it and refuses an owner grant")
@ClassTemplate
class AffiliationsAsCodeIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults().admins("owner"));

    private static final Duration WAIT = Duration.ofSeconds(60);

    /** Issue 16 item 1: the declared lists are the server's after start, and an admin removed by hand comes back. */
    @Test
    void declaredAffiliationsAreAppliedAndAnAdminRemovedByHandComesBack(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("people");
        String domain = servers.server().domain();
        RoomPeople people = new RoomPeople(List.of(jid("carol", domain)),
                List.of(jid("alice", domain), jid("dave", domain)), List.of(jid("bob", domain), jid("erin", domain)),
                List.of(new RoomPeople.Outcast(jid("mallory", domain), Optional.of("spam"))), List.of(),
                RoomPeople.Policy.KEEP);
        try (CapturedLog log = CapturedLog.of("org.majordome.room");
             BotUnderTest bot = BotUnderTest.builder(servers.server()).room(settings(room, people))
                     .reconcileInterval(Duration.ofSeconds(1)).start()) {
            bot.awaitJoined(room);
            XmppTestClient owner = clients.connect("owner");
            MultiUserChat muc = owner.join(room, "Owner");
            String self = bot.config().connection().jid().toString();

            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
                assertThat(bare(muc.getOwners())).contains("carol@" + domain, self);
                assertThat(bare(muc.getAdmins())).containsExactlyInAnyOrder("alice@" + domain, "dave@" + domain);
                assertThat(bare(muc.getMembers())).containsExactlyInAnyOrder("bob@" + domain, "erin@" + domain);
                assertThat(bare(muc.getOutcasts())).containsExactly("mallory@" + domain);
            });
            assertThat(log.has("INFO", "applied only part of a request with several affiliation items"))
                    .as("the bot learnt to send one item per request")
                    .isEqualTo(servers.kind() == ServerKind.PROSODY);

            RoomHandle handle = bot.bot().rooms().room(room.toString()).orElseThrow();
            List<AffiliationEntry> outcasts = handle.affiliations().list(Affiliation.OUTCAST).toCompletableFuture()
                    .join().orElseThrow();
            assertThat(outcasts).extracting(AffiliationEntry::jid).containsExactly("mallory@" + domain);
            assertThat(outcasts.get(0).reason()).as("the outcast's reason in the server's list")
                    .isEqualTo(servers.kind() == ServerKind.EJABBERD ? Optional.of("spam") : Optional.empty());

            // Someone takes alice's admin affiliation away and adds a member the file does not declare.
            muc.revokeMembership(JidCreate.entityBareFrom("alice@" + domain));
            muc.grantMembership(JidCreate.entityBareFrom("frank@" + domain));

            await().atMost(WAIT).ignoreExceptions().untilAsserted(() ->
                    assertThat(bare(muc.getAdmins())).containsExactlyInAnyOrder("alice@" + domain, "dave@" + domain));
            assertThat(bare(muc.getMembers())).as("keep: an undeclared member stays").contains("frank@" + domain);
            assertThat(bare(muc.getOwners())).as("the bot keeps its ownership").contains(self);
            assertThat(bot.status(room).unapplied()).isEmpty();
        }
    }

    /** Issue 16 item 1: with {@code exact}, an undeclared member is removed; the bot never demotes itself. */
    @Test
    void exactRemovesAnUndeclaredMemberButNeverTheBotItself(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("exact");
        String domain = servers.server().domain();
        RoomPeople people = new RoomPeople(List.of(), List.of(jid("alice", domain)), List.of(jid("bob", domain)),
                List.of(), List.of(), RoomPeople.Policy.EXACT);
        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).room(settings(room, people))
                .reconcileInterval(Duration.ofSeconds(1)).start()) {
            bot.awaitJoined(room);
            XmppTestClient owner = clients.connect("owner");
            MultiUserChat muc = owner.join(room, "Owner");
            String self = bot.config().connection().jid().toString();
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() ->
                    assertThat(bare(muc.getMembers())).containsExactly("bob@" + domain));

            muc.grantMembership(JidCreate.entityBareFrom("frank@" + domain));

            await().atMost(WAIT).ignoreExceptions().untilAsserted(() ->
                    assertThat(bare(muc.getMembers())).containsExactly("bob@" + domain));
            assertThat(bare(muc.getOwners())).as("the bot is not declared, yet stays an owner").contains(self);
            assertThat(bare(muc.getAdmins())).containsExactly("alice@" + domain);

            RoomHandle handle = bot.bot().rooms().room(room.toString()).orElseThrow();
            List<AffiliationChange.Result> results = handle.affiliations().change(List.of(
                    new AffiliationChange(self, Affiliation.NONE),
                    new AffiliationChange("bob@" + domain, Affiliation.MEMBER))).toCompletableFuture().join();
            assertThat(results.get(0).result()).as("the bot's own affiliation")
                    .isInstanceOf(ActionResult.NotSupported.class);
            assertThat(results.get(1).result()).isEqualTo(ActionResult.DONE);
            assertThat(bare(muc.getOwners())).contains(self);
        }
    }

    /**
     * Issue 16 item 1: a declared entry the server refuses is logged once, with the server's reason, however many
     * checks follow, and the room's status names it. The room is someone else's: the bot is only an admin there, and
     * an admin may not make owners (XEP-0045 §10.3).
     */
    @Test
    void aRefusedDeclaredAffiliationIsLoggedOnceAndShownInTheStatus(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("notmine");
        String domain = servers.server().domain();
        XmppTestClient owner = clients.connect("owner");
        MultiUserChat muc = owner.join(room, "Owner");
        muc.grantAdmin(JidCreate.entityBareFrom(BotUnderTest.ACCOUNT + "@" + domain));
        RoomPeople people = new RoomPeople(List.of(jid("carol", domain)), List.of(), List.of(), List.of(), List.of(),
                RoomPeople.Policy.KEEP);
        try (CapturedLog log = CapturedLog.of("org.majordome.room");
             BotUnderTest bot = BotUnderTest.builder(servers.server()).room(settings(room, people))
                     .reconcileInterval(Duration.ofSeconds(1)).start()) {
            bot.awaitJoined(room);
            await().atMost(WAIT).until(() -> !bot.status(room).unapplied().isEmpty());
            String unapplied = bot.status(room).unapplied().getFirst();

            assertThat(unapplied).as("what the status says").isEqualTo(servers.kind() == ServerKind.PROSODY
                    ? "the affiliation lists cannot be read: forbidden"
                    : "carol@" + domain + " → owner: not-allowed (Changing role/affiliation is not allowed)");
            // Checks run every second: over four of them, the refusal stays one line.
            await().during(Duration.ofSeconds(4)).atMost(WAIT).until(() -> warnings(log, room, unapplied) == 1);
            assertThat(bare(muc.getOwners())).doesNotContain("carol@" + domain);
        }
    }

    /** Issue 16 item 1: a declared moderator gets the moderator role when they join (the bot sees real JIDs). */
    @Test
    void aDeclaredModeratorGetsTheRoleOnJoining(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("mods");
        XmppTestClient alice = clients.connect("alice");
        RoomPeople people = new RoomPeople(List.of(), List.of(), List.of(), List.of(), List.of(alice.bareJid()),
                RoomPeople.Policy.KEEP);
        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).room(settings(room, people))
                .reconcileInterval(Duration.ofSeconds(30)).start()) {
            bot.awaitJoined(room);
            await().atMost(WAIT).until(() -> bot.status(room).ready());
            MultiUserChat muc = alice.join(room, "Alice");

            await().atMost(WAIT).ignoreExceptions().until(() -> muc.getOccupant(
                    JidCreate.entityFullFrom(room, org.jxmpp.jid.parts.Resourcepart.from("Alice"))).getRole()
                    == org.jivesoftware.smackx.muc.MUCRole.moderator);
        }
    }

    private static long warnings(CapturedLog log, EntityBareJid room, String text) {
        return log.lines().stream().filter(line -> line.contains("WARN") && line.contains(room.toString())
                && line.contains(text)).count();
    }

    private static RoomSettings settings(EntityBareJid room, RoomPeople people) {
        return new RoomSettings(room, Optional.empty(), Optional.empty(),
                BotUnderTest.titled("People", "Affiliations as code"), List.of(), false, Optional.empty()).withPeople(people);
    }

    private static EntityBareJid jid(String user, String domain) throws Exception {
        return JidCreate.entityBareFrom(user + "@" + domain);
    }

    private static List<String> bare(List<Affiliate> affiliates) {
        return affiliates.stream().map(affiliate -> affiliate.getJid().asBareJid().toString().toLowerCase(Locale.ROOT))
                .toList();
    }
}
