package org.majordome.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.NoConfig;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.command.CommandScope;
import org.majordome.api.command.Permission;
import org.majordome.api.event.OccupantJoinedEvent;
import org.majordome.api.event.OccupantRoleChangedEvent;
import org.majordome.api.event.Role;
import org.majordome.config.DispatchSettings;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.ServerSettings;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * Commands through the whole runtime against a real Prosody and a real ejabberd: the generated {@code !help}
 * shows each sender only what they may run, permissions come from the room (role) and the real JID (bot admins),
 * never from a nick, and a command answers where it was asked: in the room, privately through the room
 * (XEP-0045 §7.5), or in a one-to-one chat.
 *
 * <p>{@code owner@localhost} is a server admin, which both servers make an owner of every room: it plays the
 * room owner who hands out the moderator role (XEP-0045 §8.4). The bot creates the rooms, so it is an owner and
 * moderator there and sees occupants' real JIDs.
 */
@Proves(Feature.COMMANDS)
@ClassTemplate
class CommandsIT {

    private static final String BOT_ADMIN = "boss";

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults().admins("owner"));

    @TempDir
    Path dataDirectory;

    /** Done-when: a participant's {@code !help} lists only participant commands; a moderator's lists more. */
    @Test
    void helpListsOnlyTheCommandsTheSenderMayRun(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("help");
        try (BotUnderTest bot = startBot(room)) {
            XmppTestClient alice = clients.connect("alice");
            XmppTestClient bob = clients.connect("bob");
            alice.join(room, "Alice");
            bob.join(room, "Bob");
            awaitSeenByBot(bot, room, "Bob");

            alice.say(room, "!help");
            String participantHelp = alice.awaitMessage("Alice's help", from(room, "Alice: Commands")).getBody();
            assertThat(participantHelp).contains("!help", "!hello").doesNotContain("!warn", "!secret");

            MultiUserChat owner = clients.connect("owner").join(room, "Owner");
            owner.grantModerator(Resourcepart.from("Bob"));
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.events().inRoom(room.toString(),
                    OccupantRoleChangedEvent.class).stream().anyMatch(changed -> changed.occupant().nick().equals("Bob")
                    && changed.occupant().role() == Role.MODERATOR));

            bob.say(room, "!help");
            String moderatorHelp = bob.awaitMessage("Bob's help", from(room, "Bob: Commands")).getBody();
            assertThat(moderatorHelp).contains("!help", "!hello", "!warn").doesNotContain("!secret");

            bob.say(room, "!warn Alice");
            bob.awaitBodyFrom(room, "Bob: Alice, please calm down.");
            alice.say(room, "!warn Bob");
            alice.awaitBodyFrom(room, "Alice: Sorry, !warn needs a moderator.");
            assertThat(alice.bodiesFrom(room)).noneMatch(body -> body.contains("Bob, please calm down"));
        }
    }

    /**
     * Done-when: a user who takes a bot admin's nickname cannot run admin commands; the admin can, under any
     * nick and in a one-to-one chat, because the bot judges the real JID.
     */
    @Test
    void adminCommandsFollowTheRealJidNotTheNick(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("impostor");
        try (BotUnderTest bot = startBot(room)) {
            XmppTestClient mallory = clients.connect("mallory");
            XmppTestClient boss = clients.connect(BOT_ADMIN);
            mallory.join(room, "Boss");
            boss.join(room, "Quiet guest");
            awaitSeenByBot(bot, room, "Quiet guest");

            mallory.say(room, "!secret");
            mallory.awaitBodyFrom(room, "Boss: Sorry, !secret needs a bot admin.");
            mallory.say(room, "!help");
            assertThat(mallory.awaitMessage("the impostor's help", from(room, "Boss: Commands")).getBody())
                    .doesNotContain("!secret");
            mallory.chat(botJid(bot), "!secret");
            assertThat(mallory.awaitMessage("the refusal in the direct chat", fromBot(bot, "Sorry")).getBody())
                    .isEqualTo("Sorry, !secret needs a bot admin.");

            boss.say(room, "!secret");
            boss.awaitBodyFrom(room, "Quiet guest: the secret is 42 (asked by " + BOT_ADMIN + "@localhost)");
            boss.chat(botJid(bot), "!secret");
            boss.awaitMessage("the secret in the direct chat",
                    fromBot(bot, "the secret is 42 (asked by " + BOT_ADMIN + "@localhost)"));
            assertThat(mallory.bodiesFrom(room)).filteredOn(body -> body.startsWith("Boss:"))
                    .noneMatch(body -> body.contains("the secret is"));
        }
    }

    /**
     * Done-when: a command works in the room (answer in the room), by private message through the room
     * (answer privately) and in a one-to-one chat with the bot's JID (answer there).
     */
    @Test
    void commandsAnswerWhereTheyWereAsked(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("where");
        try (BotUnderTest bot = startBot(room)) {
            XmppTestClient alice = clients.connect("alice");
            XmppTestClient bob = clients.connect("bob");
            alice.join(room, "Alice");
            bob.join(room, "Bob");
            awaitSeenByBot(bot, room, "Bob");

            alice.say(room, "!hello");
            Message inRoom = bob.awaitBodyFrom(room, "hello Alice, asked in ROOM");
            assertThat(inRoom.getType()).isEqualTo(Message.Type.groupchat);

            alice.sayPrivately(room, "Majordome", "!hello");
            Message privately = alice.awaitBodyFrom(room, "hello Alice, asked in PRIVATE");
            assertThat(privately.getType()).isEqualTo(Message.Type.chat);
            assertThat(privately.getFrom().getResourceOrNull()).hasToString("Majordome");

            alice.chat(botJid(bot), "!hello");
            Message direct = alice.awaitMessage("the direct answer",
                    fromBot(bot, "hello alice@localhost, asked in DIRECT"));
            assertThat(direct.getType()).isEqualTo(Message.Type.chat);

            // The room's other occupant saw the room answer, never the private one.
            bob.say(room, "!hello");
            bob.awaitBodyFrom(room, "hello Bob, asked in ROOM");
            assertThat(bob.bodiesFrom(room)).doesNotContain("hello Alice, asked in PRIVATE");
        }
    }

    private BotUnderTest startBot(EntityBareJid room) throws Exception {
        BotUnderTest bot = BotUnderTest.builder(servers.server())
                .plugin(new RankedCommandsPlugin())
                .room(room, RankedCommandsPlugin.ID)
                .admin(JidCreate.entityBareFrom(BOT_ADMIN + "@" + servers.server().domain()))
                .dispatch(new DispatchSettings("!", 50, Duration.ofSeconds(10), true, 1000, Duration.ofSeconds(10),
                        Optional.empty()))
                .dataDirectory(dataDirectory)
                .start();
        bot.awaitJoined(room);
        return bot;
    }

    /** Commands are judged on the bot's view of the room: wait until it has seen the occupant. */
    private static void awaitSeenByBot(BotUnderTest bot, EntityBareJid room, String nick) {
        await().atMost(Duration.ofSeconds(60)).until(() -> bot.events().inRoom(room.toString(),
                OccupantJoinedEvent.class).stream().anyMatch(joined -> joined.occupant().nick().equals(nick)));
    }

    private static EntityBareJid botJid(BotUnderTest bot) {
        return bot.config().connection().jid();
    }

    private static java.util.function.Predicate<Message> from(EntityBareJid room, String bodyStart) {
        return message -> message.getFrom() != null && room.equals(message.getFrom().asBareJid())
                && message.getBody() != null && message.getBody().startsWith(bodyStart);
    }

    private static java.util.function.Predicate<Message> fromBot(BotUnderTest bot, String bodyStart) {
        return message -> message.getFrom() != null && botJid(bot).equals(message.getFrom().asBareJid())
                && message.getBody() != null && message.getBody().startsWith(bodyStart);
    }

    /** One command per permission level, like a built-in plugin's. */
    public static final class RankedCommandsPlugin implements Plugin<NoConfig> {

        static final String ID = "ranked";

        @Override
        public String id() {
            return ID;
        }

        @Override
        public Class<NoConfig> configType() {
            return NoConfig.class;
        }

        @Override
        public void start(PluginContext<NoConfig> context) {
            // Stateless: everything it needs comes with the invocation.
        }

        @Command(name = "hello", help = "Says hello.",
                scopes = {CommandScope.ROOM, CommandScope.PRIVATE, CommandScope.DIRECT})
        public void hello(CommandInvocation invocation) {
            invocation.reply("hello " + invocation.sender().displayName() + ", asked in " + invocation.scope());
        }

        @Command(name = "warn", usage = "<nick>", help = "Warns an occupant.", permission = Permission.MODERATOR,
                minArgs = 1, maxArgs = 1)
        public void warn(CommandInvocation invocation) {
            invocation.reply(invocation.argument(0).orElseThrow() + ", please calm down.");
        }

        @Command(name = "secret", help = "Tells the bot's secret.", permission = Permission.BOT_ADMIN,
                scopes = {CommandScope.ROOM, CommandScope.PRIVATE, CommandScope.DIRECT})
        public void secret(CommandInvocation invocation) {
            invocation.reply("the secret is 42 (asked by " + invocation.sender().bareJid().orElse("?") + ")");
        }
    }
}
