package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.AdHocCommandNote;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.api.event.RoomJoinedEvent;
import org.majordome.api.event.RoomLeftEvent;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.CapturedLog;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.ServerSettings;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * A bot banned from a kept room (XEP-0045 §9.1, affiliation outcast; its joins are then refused with
 * {@code forbidden}, §7.2.7) comes back once the ban is lifted (§9.2, affiliation back to none), on Prosody and
 * ejabberd. The bug: the bot stayed out until restarted, and an administrator's ad-hoc {@code join} of the room
 * answered "kept already".
 *
 * <p>{@code owner@localhost} is a server admin, which both servers make an owner of every room (Prosody's
 * {@code admins}, ejabberd's {@code access_admin}): it plays the room owner who bans the bot and lifts the ban.
 * {@code boss} is the bot's administrator, whom the bot tells when it comes back without the ownership it had.
 */
@Proves(Feature.COMES_BACK)
@ClassTemplate
class BannedBotRejoinIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults().admins("owner"));

    private static final String BACK_WITHOUT_OWNERSHIP = "the ban was lifted";

    /** The user scenario: banned by mistake, the bot is let back in and comes back on its own. */
    @Test
    void aBannedBotComesBackOnItsOwnOnceTheBanIsLifted(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("banned");
        XmppTestClient boss = clients.connect("boss");
        try (CapturedLog log = CapturedLog.of("org.majordome.room");
             BotUnderTest bot = BotUnderTest.builder(servers.server()).room(room).admin(boss.bareJid()).start()) {
            bot.awaitJoined(room);
            MultiUserChat owner = clients.connect("owner").join(room, "Owner");

            owner.banUser(botJid(), "by mistake");

            await().atMost(Duration.ofSeconds(60)).until(() -> bot.events().inRoom(room.toString(), RoomLeftEvent.class)
                    .stream().anyMatch(left -> left.reason() == RoomLeftEvent.Reason.BANNED));
            // The bot tries again on its own, and the room refuses it while the ban holds.
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.status(room).problem().map(Object::toString).orElse("")
                    .startsWith("banned: forbidden"));
            assertThat(bot.status(room).state()).isEqualTo(RoomStatus.State.BANNED);

            owner.revokeMembership(botJid());

            await().atMost(Duration.ofSeconds(60)).until(() -> bot.status(room).state() == RoomStatus.State.JOINED);
            // The state reads JOINED a moment before the join is emitted.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> bot.events().inRoom(room.toString(), RoomJoinedEvent.class).size() >= 2);
            assertThat(bot.events().inRoom(room.toString(), RoomJoinedEvent.class)).hasSize(2);
            // It had created the room (owner); lifting the ban left it affiliation none: said once, not per attempt.
            boss.awaitMessage("the notice of a comeback without ownership", fromBot(BACK_WITHOUT_OWNERSHIP));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).until(() -> boss.received().stream()
                    .filter(fromBot(BACK_WITHOUT_OWNERSHIP)).count() == 1);
            assertThat(log.lines()).filteredOn(line -> line.startsWith("WARN") && line.contains("after the ban was lifted"))
                    .hasSize(1);
            assertThat(log.lines()).filteredOn(line -> line.startsWith("ERROR") && line.contains("BANNED")).hasSize(1);
        }
    }

    /**
     * An administrator who lifted a ban, or wants to know, asks the bot to join the kept room it is out of: it
     * tries again now and says so, instead of answering that the room is kept already.
     */
    @Test
    void anAdministratorsJoinOfAKeptRoomTheBotIsOutOfTriesAgain(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("banned-adhoc");
        XmppTestClient boss = clients.connect("boss");
        // Long waits of its own, so that what brings the bot back is most likely the administrator's request.
        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).room(room).admin(boss.bareJid())
                .backoffMax(Duration.ofMinutes(10)).reconcileInterval(Duration.ofMinutes(10)).start()) {
            bot.awaitJoined(room);
            MultiUserChat owner = clients.connect("owner").join(room, "Owner");
            owner.banUser(botJid(), "for a while");
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.status(room).state() == RoomStatus.State.BANNED);

            String whileBanned = adHocJoin(boss, room);

            assertThat(whileBanned).contains("is not in it", "banned", "trying to join it again now")
                    .doesNotContain("kept already");
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.status(room).problem().map(Object::toString).orElse("")
                    .startsWith("banned: forbidden"));

            owner.revokeMembership(botJid());
            String afterLifting = adHocJoin(boss, room);

            assertThat(afterLifting).satisfiesAnyOf(
                    answer -> assertThat(answer).contains("trying to join it again now"),
                    // Only if the bot's own attempt came first.
                    answer -> assertThat(answer).contains("the bot is in it"));
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.status(room).state() == RoomStatus.State.JOINED);
            assertThat(adHocJoin(boss, room)).contains("kept already, and the bot is in it");
        }
    }

    private static String adHocJoin(XmppTestClient admin, EntityBareJid room) throws Exception {
        RemoteCommand join = AdHocCommandManager.getAddHocCommandsManager(admin.connection())
                .getRemoteCommand(botFullJid(), "join");
        join.execute();
        FillableForm form = new FillableForm(join.getForm());
        form.setAnswer("room", room.toString());
        join.complete(form);
        List<String> notes = join.getNotes().stream().map(AdHocCommandNote::getValue).toList();
        return String.join("\n", notes);
    }

    private static Predicate<Message> fromBot(String fragment) {
        return message -> message.getFrom() != null && message.getFrom().asBareJid().equals(botJid())
                && message.getBody() != null && message.getBody().contains(fragment);
    }

    private static EntityBareJid botJid() {
        return JidCreate.entityBareFromOrThrowUnchecked(BotUnderTest.ACCOUNT + "@" + servers.server().domain());
    }

    private static EntityFullJid botFullJid() {
        return JidCreate.entityFullFromOrThrowUnchecked(botJid() + "/majordome");
    }
}
