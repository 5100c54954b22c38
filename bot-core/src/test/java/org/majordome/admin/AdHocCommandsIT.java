package org.majordome.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandManager;
import org.jivesoftware.smackx.commands.AdHocCommandNote;
import org.jivesoftware.smackx.commands.RemoteCommand;
import org.jivesoftware.smackx.commands.packet.AdHocCommandData;
import org.jivesoftware.smackx.disco.packet.DiscoverItems;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.app.RunningBot;
import org.majordome.config.ConfigLoader;
import org.majordome.room.RoomStatus;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * An administrator drives the running bot from an XMPP client with ad-hoc commands (XEP-0050 §3 listing,
 * §4 execution with data forms), as "Execute command" in Psi or Gajim does; anybody else sees no command
 * and is refused.
 */
@Proves(Feature.ADHOC_COMMANDS)
@ClassTemplate
class AdHocCommandsIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension();

    @TempDir
    Path dir;

    private String configText(EntityBareJid... rooms) {
        StringBuilder yaml = new StringBuilder("""
                connection:
                  jid: %s@%s
                  password: %s
                  host: %s
                  port: %d
                  tls: disabled
                admins: [boss@%s]
                runtime:
                  data-directory: data
                rooms:
                """.formatted(BotUnderTest.ACCOUNT, servers.server().domain(), BotUnderTest.PASSWORD,
                servers.server().host(), servers.server().port(), servers.server().domain()));
        for (EntityBareJid room : rooms) {
            yaml.append("  - jid: ").append(room).append('\n');
        }
        return yaml.toString();
    }

    @Test
    void anAdministratorListsAndRunsCommandsAndOthersAreRefused(TestClients clients) throws Exception {
        servers.server().register(BotUnderTest.ACCOUNT, BotUnderTest.PASSWORD);
        EntityBareJid lobby = servers.server().uniqueRoom("adhoc-lobby");
        EntityBareJid added = servers.server().uniqueRoom("adhoc-added");
        EntityBareJid joinedLive = servers.server().uniqueRoom("adhoc-live");
        Path file = dir.resolve("bot.yml");
        Files.writeString(file, configText(lobby));
        EntityFullJid bot = JidCreate.entityFullFrom(BotUnderTest.ACCOUNT + "@" + servers.server().domain() + "/majordome");

        try (RunningBot running = RunningBot.start(new ConfigLoader(Map.of()).load(file))) {
            // Configured, not only joined: Prosody keeps the bot's new room locked to the listener until then.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> running.rooms().status().stream().allMatch(RoomStatus::ready));
            XmppTestClient boss = clients.connect("boss");
            XmppTestClient stranger = clients.connect("stranger");
            XmppTestClient listener = clients.connect("listener");
            listener.join(lobby, "listener");
            AdHocCommandManager bossCommands = AdHocCommandManager.getAddHocCommandsManager(boss.connection());
            AdHocCommandManager strangerCommands = AdHocCommandManager.getAddHocCommandsManager(stranger.connection());

            // §3.1: the list, filtered by who asks.
            assertThat(bossCommands.discoverCommands(bot).getItems()).extracting(DiscoverItems.Item::getNode)
                    .contains("status", "reload", "join", "leave", "subject", "announce");
            assertThat(strangerCommands.discoverCommands(bot).getItems()).isEmpty();
            XMPPException.XMPPErrorException refused = catchThrowableOfType(XMPPException.XMPPErrorException.class,
                    () -> strangerCommands.getRemoteCommand(bot, "status").execute());
            assertThat(refused.getStanzaError().getCondition()).isEqualTo(StanzaError.Condition.forbidden);

            RemoteCommand status = bossCommands.getRemoteCommand(bot, "status");
            status.execute();
            assertThat(status.isCompleted()).isTrue();
            assertThat(noteText(status)).contains("online as " + bot, lobby + ": JOINED", "Uptime");

            // §4.2: a form, then its submission.
            RemoteCommand announce = bossCommands.getRemoteCommand(bot, "announce");
            announce.execute();
            assertThat(announce.isCompleted()).isFalse();
            FillableForm text = new FillableForm(announce.getForm());
            text.setAnswer("text", List.of("Maintenance at noon"));
            announce.complete(text);
            assertThat(noteText(announce)).contains("Announced in 1 of 1 room.");
            listener.awaitBodyFrom(lobby, "Maintenance at noon");

            RemoteCommand subject = bossCommands.getRemoteCommand(bot, "subject");
            subject.execute();
            FillableForm subjectForm = new FillableForm(subject.getForm());
            subjectForm.setAnswer("room", lobby.toString());
            subjectForm.setAnswer("text", "Set by an administrator");
            subject.complete(subjectForm);
            assertThat(noteText(subject)).contains("Subject of " + lobby + " set");
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> running.rooms().subject(lobby).orElse("").equals("Set by an administrator"));

            RemoteCommand join = bossCommands.getRemoteCommand(bot, "join");
            join.execute();
            FillableForm joinForm = new FillableForm(join.getForm());
            joinForm.setAnswer("room", joinedLive.toString());
            join.complete(joinForm);
            assertThat(noteText(join)).contains("until the next reload");
            await().atMost(Duration.ofSeconds(60)).until(() -> state(running, joinedLive) == RoomStatus.State.JOINED);

            RemoteCommand leave = bossCommands.getRemoteCommand(bot, "leave");
            leave.execute();
            FillableForm leaveForm = new FillableForm(leave.getForm());
            leaveForm.setAnswer("room", joinedLive.toString());
            leave.complete(leaveForm);
            assertThat(noteText(leave)).contains("Left " + joinedLive);
            assertThat(running.rooms().status()).extracting(RoomStatus::roomJid).containsExactly(lobby.toString());

            Files.writeString(file, configText(lobby, added));
            RemoteCommand reload = bossCommands.getRemoteCommand(bot, "reload");
            reload.execute();
            assertThat(noteText(reload)).contains("joining " + added);
            await().atMost(Duration.ofSeconds(60)).until(() -> state(running, added) == RoomStatus.State.JOINED);

            Files.writeString(file, configText(lobby) + "  - jid: not a room\n");
            RemoteCommand rejected = bossCommands.getRemoteCommand(bot, "reload");
            rejected.execute();
            assertThat(rejected.getNotes()).singleElement().satisfies(note -> {
                assertThat(note.getType()).isEqualTo(AdHocCommandNote.Type.error);
                assertThat(note.getValue()).contains("nothing changed", "rooms[1].jid");
            });
            assertThat(running.rooms().status()).extracting(RoomStatus::roomJid)
                    .containsExactly(lobby.toString(), added.toString());
        }
    }

    /**
     * Issue 20: the forms were English whatever the administrator's language. An administrator whose client declares
     * French on its messages to the bot ({@code xml:lang}, which both servers pass on) gets the forms and answers of the
     * commands in French. (Smack 4.4.8, on the bot's side, keeps no {@code xml:lang} of an {@code <iq/>}: the one a
     * client or its server puts there is lost, the language of its messages is not.)
     */
    @Test
    void aFormAndItsAnswerFollowTheLanguageOfTheRequest(TestClients clients) throws Exception {
        servers.server().register(BotUnderTest.ACCOUNT, BotUnderTest.PASSWORD);
        EntityBareJid lobby = servers.server().uniqueRoom("adhoc-fr");
        Path file = dir.resolve("bot.yml");
        Files.writeString(file, configText(lobby));
        EntityFullJid bot = JidCreate.entityFullFrom(BotUnderTest.ACCOUNT + "@" + servers.server().domain() + "/majordome");

        try (RunningBot running = RunningBot.start(new ConfigLoader(Map.of()).load(file))) {
            await().atMost(Duration.ofSeconds(60)).until(running.rooms()::allJoined);
            XmppTestClient boss = clients.connect("boss");
            boss.connection().sendStanza(boss.connection().getStanzaFactory().buildMessageStanza()
                    .ofType(org.jivesoftware.smack.packet.Message.Type.chat).to(bot).setBody("bonjour")
                    .setLanguage("fr").build());
            // The message and the request travel apart (a message listener, an iq handler): ask once the bot has read
            // the message, or the request may overtake it and be answered in the bot's language, rightly.
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> running.rooms().senderLanguages().of(boss.connection().getUser().toString()).isPresent());

            AdHocCommandData form = boss.connection().sendIqRequestAndWaitForResponse(request(bot, "leave"));
            assertThat(form.getForm().getTitle()).isEqualTo("Quitter un salon (jusqu’au prochain rechargement)");
            assertThat(form.getForm().getField("room").getLabel()).isEqualTo("Salon");

            AdHocCommandData status = boss.connection().sendIqRequestAndWaitForResponse(request(bot, "status"));
            assertThat(status.getNotes()).singleElement().extracting(AdHocCommandNote::getValue).asString()
                    .startsWith("Connexion\u00a0: en ligne en tant que " + bot);
        }
    }

    private static AdHocCommandData request(EntityFullJid bot, String node) {
        AdHocCommandData request = new AdHocCommandData();
        request.setType(IQ.Type.set);
        request.setTo(bot);
        request.setNode(node);
        request.setAction(AdHocCommand.Action.execute);
        return request;
    }

    private static String noteText(RemoteCommand command) {
        return String.join("\n", command.getNotes().stream().map(AdHocCommandNote::getValue).toList());
    }

    private static RoomStatus.State state(RunningBot bot, EntityBareJid room) {
        return bot.rooms().status().stream().filter(status -> status.roomJid().equals(room.toString()))
                .map(RoomStatus::state).findFirst().orElse(RoomStatus.State.NOT_JOINED);
    }
}
