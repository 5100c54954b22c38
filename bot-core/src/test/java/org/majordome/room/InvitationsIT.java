package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.packet.GroupChatInvitation;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.config.InvitationSettings;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.PingPlugin;
import org.majordome.testing.ServerKind;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * Invitations to rooms, on Prosody and ejabberd, from real Smack clients: a bot admin's mediated invitation
 * (XEP-0045 §7.8.2, {@code MultiUserChat.invite}) or direct one (XEP-0249, Smack's {@code GroupChatInvitation}
 * element in a message) makes the bot join the room, where it runs {@code invitations.plugins} and answers
 * {@code !ping}; a stranger's mediated invitation is declined through the room (§7.8.2), which passes the decline
 * and its reason on to the stranger; and a room an administrator joins with the ad-hoc {@code join} command runs
 * the same plugins (issue 16 item 3: "today an ad-hoc join runs none").
 *
 * <p>The servers differ where a room hides real JIDs: Prosody names the inviter of a mediated invitation by its
 * {@code room/nick} to an invitee who will not be a moderator there, ejabberd by its real JID. The admin's room
 * is therefore made non-anonymous before the mediated invitation, on both servers;
 * {@link #aMediatedInvitationFromARoomThatHidesTheInviter} pins what each server then does.
 */
@ClassTemplate
@Proves(Feature.INVITATIONS)
class InvitationsIT {

    private static final String ADMIN = "boss";
    private static final String PONG = "pong from an invited room";

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension();

    @TempDir
    Path dataDirectory;

    @Test
    void aBotAdminsMediatedInvitationMakesTheBotJoinAndAnswer(TestClients clients) throws Exception {
        EntityBareJid home = servers.server().uniqueRoom("inv-home");
        EntityBareJid den = servers.server().uniqueRoom("inv-mediated");
        try (BotUnderTest bot = startBot(home)) {
            XmppTestClient boss = clients.connect(ADMIN);
            MultiUserChat room = boss.join(den, "Boss");
            showRealJids(room);

            room.invite(botJid(bot), "come and help");

            awaitJoined(bot, den);
            answersPing(boss, den);
        }
    }

    @Test
    void aBotAdminsDirectInvitationMakesTheBotJoinAndAnswer(TestClients clients) throws Exception {
        EntityBareJid home = servers.server().uniqueRoom("inv-home");
        EntityBareJid den = servers.server().uniqueRoom("inv-direct");
        try (BotUnderTest bot = startBot(home)) {
            XmppTestClient boss = clients.connect(ADMIN);
            boss.join(den, "Boss");

            boss.connection().sendStanza(boss.connection().getStanzaFactory().buildMessageStanza()
                    .to(botJid(bot)).addExtension(new GroupChatInvitation(den.toString())).build());

            awaitJoined(bot, den);
            answersPing(boss, den);
        }
    }

    @Test
    void aStrangersInvitationIsDeclinedAndTheStrangerSeesWhy(TestClients clients) throws Exception {
        EntityBareJid home = servers.server().uniqueRoom("inv-home");
        EntityBareJid lair = servers.server().uniqueRoom("inv-stranger");
        try (BotUnderTest bot = startBot(home)) {
            XmppTestClient stranger = clients.connect("stranger");
            MultiUserChat room = stranger.join(lair, "Stranger");
            showRealJids(room);

            room.invite(botJid(bot), "join my room");

            Message decline = stranger.awaitMessage("the bot's decline", message -> declineOf(message).isPresent());
            assertThat(declineOf(decline).orElseThrow().getReason()).isEqualTo(english(InvitationPolicy.NOT_ALLOWED));

            // XEP-0249 has no decline: the bot tells the sender the server authenticated, in a chat message. (Another
            // room: the same inviter's second invitation to the same room within minutes is a repeat, dropped.)
            EntityBareJid other = servers.server().uniqueRoom("inv-stranger-direct");
            stranger.connection().sendStanza(stranger.connection().getStanzaFactory().buildMessageStanza()
                    .to(botJid(bot)).addExtension(new GroupChatInvitation(other.toString())).build());
            stranger.awaitMessage("the bot's answer to a direct invitation", message ->
                    message.getType() == Message.Type.chat && message.getBody() != null
                            && message.getBody().contains(english(InvitationPolicy.NOT_ALLOWED)));
            assertThat(bot.bot().rooms().status()).extracting(RoomStatus::roomJid)
                    .doesNotContain(lair.toString(), other.toString());
        }
    }

    /**
     * The inviter in a room that hides real JIDs (the servers' default: only moderators see them). Prosody names
     * it {@code room/nick}, which tells the bot nothing: it declines, asking for a direct invitation, and the decline
     * reaches the inviter through the room. ejabberd names the real JID: the bot joins.
     */
    @Test
    @Proves(value = Feature.INVITATIONS, difference = "A mediated invitation from a room that hides real JIDs: "
            + "Prosody names the inviter by nick, so the bot declines and asks for a direct invitation; ejabberd names "
            + "the real JID and the bot joins")
    void aMediatedInvitationFromARoomThatHidesTheInviter(TestClients clients) throws Exception {
        EntityBareJid home = servers.server().uniqueRoom("inv-home");
        EntityBareJid hidden = servers.server().uniqueRoom("inv-hidden");
        try (BotUnderTest bot = startBot(home)) {
            XmppTestClient boss = clients.connect(ADMIN);
            MultiUserChat room = boss.join(hidden, "Boss");

            room.invite(botJid(bot), "come and help");

            if (servers.kind() == ServerKind.PROSODY) {
                Message decline = boss.awaitMessage("the bot's decline", message -> declineOf(message).isPresent());
                assertThat(declineOf(decline).orElseThrow().getReason()).isEqualTo(english(InvitationPolicy.INVITER_HIDDEN));
            } else {
                awaitJoined(bot, hidden);
                answersPing(boss, hidden);
            }
        }
    }

    /** With {@code keep: across-restarts} the invited room is stored, and the restarted bot joins it again. */
    @Test
    void anInvitedRoomKeptAcrossRestartsIsJoinedAgainAfterARestart(TestClients clients) throws Exception {
        EntityBareJid home = servers.server().uniqueRoom("inv-home");
        EntityBareJid den = servers.server().uniqueRoom("inv-kept");
        XmppTestClient boss = clients.connect(ADMIN);
        boss.join(den, "Boss");
        try (BotUnderTest bot = startBot(home, true)) {
            boss.connection().sendStanza(boss.connection().getStanzaFactory().buildMessageStanza()
                    .to(botJid(bot)).addExtension(new GroupChatInvitation(den.toString())).build());
            awaitJoined(bot, den);
        }
        boss.clearReceived();
        try (BotUnderTest restarted = startBot(home, true)) {
            awaitJoined(restarted, den);
            answersPing(boss, den);
        }
    }

    @Test
    void aRoomJoinedWithTheAdHocJoinCommandRunsTheInvitationPlugins(TestClients clients) throws Exception {
        EntityBareJid home = servers.server().uniqueRoom("inv-home");
        EntityBareJid told = servers.server().uniqueRoom("inv-adhoc");
        try (BotUnderTest bot = startBot(home)) {
            XmppTestClient boss = clients.connect(ADMIN);
            boss.join(told, "Boss");

            RemoteCommand join = AdHocCommandManager.getAddHocCommandsManager(boss.connection())
                    .getRemoteCommand(JidCreate.entityFullFrom(botJid(bot) + "/majordome"), "join");
            join.execute();
            FillableForm form = new FillableForm(join.getForm());
            form.setAnswer("room", told.toString());
            join.complete(form);
            assertThat(join.getNotes()).singleElement().satisfies(note ->
                    assertThat(note.getValue()).contains("plugins: " + PingPlugin.ID));

            awaitJoined(bot, told);
            answersPing(boss, told);
        }
    }

    private BotUnderTest startBot(EntityBareJid home) throws Exception {
        return startBot(home, false);
    }

    private BotUnderTest startBot(EntityBareJid home, boolean keepAcrossRestarts) throws Exception {
        EntityBareJid admin = JidCreate.entityBareFrom(ADMIN + "@" + servers.server().domain());
        BotUnderTest bot = BotUnderTest.builder(servers.server())
                .dataDirectory(dataDirectory)
                .plugin(new PingPlugin(PONG))
                .admin(admin)
                .invitations(new InvitationSettings(Set.of(), List.of(PingPlugin.ID), keepAcrossRestarts))
                .room(home)
                .start();
        return bot.awaitJoined(home);
    }

    private static EntityBareJid botJid(BotUnderTest bot) {
        return bot.config().connection().jid();
    }

    /** Lets every occupant see real JIDs (XEP-0045 §10.2, {@code muc#roomconfig_whois}), so Prosody names the inviter. */
    private static void showRealJids(MultiUserChat room) throws Exception {
        FillableForm form = room.getConfigurationForm().getFillableForm();
        form.setAnswer("muc#roomconfig_whois", "anyone");
        room.sendConfigurationForm(form);
    }

    private static void awaitJoined(BotUnderTest bot, EntityBareJid room) {
        await("the bot in " + room).atMost(Duration.ofSeconds(60)).until(() -> bot.bot().rooms().status().stream()
                .anyMatch(status -> status.roomJid().equals(room.toString())
                        && status.state() == RoomStatus.State.JOINED));
    }

    /** The room's plugins run: {@code !ping} is answered (retried: the bot's presence may reach the room first). */
    private static void answersPing(XmppTestClient client, EntityBareJid room) {
        await("the bot's pong in " + room).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(3))
                .until(() -> {
                    if (client.bodiesFrom(room).stream().anyMatch(body -> body.contains(PONG))) {
                        return true;
                    }
                    client.say(room, "!ping");
                    return false;
                });
    }

    private static Optional<MUCUser.Decline> declineOf(Message message) {
        MUCUser user = MUCUser.from(message);
        return user == null ? Optional.empty() : Optional.ofNullable(user.getDecline());
    }

    /** A decline's reason as an English bot words it. */
    private static String english(String reasonKey) {
        return InvitationDesk.reasonIn(java.util.Locale.ENGLISH, reasonKey);
    }
}
