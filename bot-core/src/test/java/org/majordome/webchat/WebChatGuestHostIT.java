package org.majordome.webchat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.config.RoomSettings;
import org.majordome.config.Secret;
import org.majordome.config.WebChatSettings;
import org.majordome.config.WebSettings;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.ServerSettings;
import org.majordome.testing.SocketVisitors;
import org.majordome.testing.SocketVisitors.SocketVisitor;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * Where the visitors' XMPP sessions run, against a real Prosody and ejabberd: by default in the guest host, a child
 * JVM at the configured niceness, so that a surge of visitors never competes on equal terms with the bot's own
 * threads (issue 18, item 5); a guest host killed outright ends its visitors' sessions as a lost connection and the
 * next join starts another; {@code sessions: in-process} keeps them in the bot's JVM.
 */
@Proves(Feature.WEB_CHAT)
@ClassTemplate
class WebChatGuestHostIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults().admins("owner"));

    private static final int NICE = 7;

    private static WebChatSettings chat(WebChatSettings.Sessions where, int nice) throws Exception {
        servers.server().register(WebChatIT.ACCOUNT, WebChatIT.PASSWORD);
        return new WebChatSettings(Optional.of(JidCreate.entityBareFrom(WebChatIT.ACCOUNT + "@"
                + servers.server().domain())), Optional.of(new Secret(WebChatIT.PASSWORD, "test")), 10, 50, 20, 30, 500,
                Duration.ofMinutes(30), Set.of("cookie")).withSessions(where, nice);
    }

    private static BotUnderTest start(EntityBareJid room, WebChatSettings chat) throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "webchat-host-it");
        BotUnderTest bot = BotUnderTest.builder(servers.server()).dataDirectory(data)
                .room(new RoomSettings(room, Optional.empty(), Optional.empty(),
                        BotUnderTest.titled("Lobby", "Talk to the club"), List.of()).withWebChat(true))
                .web(new WebSettings("127.0.0.1", 0, Optional.empty(), List.of(), Optional.empty(), List.of(),
                        Optional.of(chat)))
                .start();
        bot.awaitJoined(room);
        return bot;
    }

    @Test
    void aVisitorsSessionRunsInANicedChildProcessAndAKilledOneShowsConnectionLostThenTheVisitorJoinsAgain(
            TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("webhost");
        long host;
        long second;
        try (BotUnderTest bot = start(room, chat(WebChatSettings.Sessions.PROCESS, NICE));
             SocketVisitors web = SocketVisitors.serve(bot.bot().webChat().orElseThrow())) {
            WebChat chat = bot.bot().webChat().orElseThrow();
            XmppTestClient carol = clients.connect("carol");
            carol.join(room, "Carol");
            SocketVisitor ann = web.visitor();
            ann.join(room.toString(), "Ann");
            ann.awaitJoined();
            host = chat.guestHostPid().orElseThrow();
            ProcessHandle child = ProcessHandle.of(host).orElseThrow();
            assertThat(child.parent().map(ProcessHandle::pid)).contains(ProcessHandle.current().pid());
            assertThat(commandLine(host)).contains(GuestHostMain.class.getName());
            assertThat(niceness(host)).isEqualTo(NICE);

            // SIGKILL: the child says nothing more, its sessions' sockets close with it.
            child.destroyForcibly();
            ann.await("error", frame -> "unavailable".equals(frame.get("code"))
                    && String.valueOf(frame.get("text")).contains("lost its connection"));
            // The server saw Ann's session go: her occupant leaves, so her nick is free again.
            await().atMost(Duration.ofSeconds(60)).until(() -> !carol.muc(room).getOccupants()
                    .contains(JidCreate.entityFullFrom(room, Resourcepart.from("Ann"))));

            ann.join(room.toString(), "Ann");
            await().atMost(Duration.ofSeconds(60)).until(() -> ann.frames().stream()
                    .filter(frame -> "joined".equals(frame.get("type"))).count() == 2);
            second = chat.guestHostPid().orElseThrow();
            assertThat(second).isNotEqualTo(host);
            ann.say("back after the crash");
            carol.awaitBodyFrom(room, "back after the crash");
        }
        // Closing the bot leaves no process behind.
        await().atMost(Duration.ofSeconds(60)).until(() -> ProcessHandle.of(second).map(p -> !p.isAlive()).orElse(true));
    }

    @Test
    void inProcessSessionsStayInTheBotsJvmAndStillTalk(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("webinproc");
        try (BotUnderTest bot = start(room, chat(WebChatSettings.Sessions.IN_PROCESS, 0));
             SocketVisitors web = SocketVisitors.serve(bot.bot().webChat().orElseThrow())) {
            XmppTestClient carol = clients.connect("carol");
            carol.join(room, "Carol");
            SocketVisitor ann = web.visitor();
            ann.join(room.toString(), "Ann");
            ann.awaitJoined();
            ann.say("said from the bot's own JVM");
            carol.awaitBodyFrom(room, "said from the bot's own JVM");
            assertThat(bot.bot().webChat().orElseThrow().guestHostPid()).isEmpty();
            assertThat(ProcessHandle.current().children()
                    .filter(p -> commandLine(p.pid()).contains(GuestHostMain.class.getName()))
                    .toList()).isEmpty();
        }
    }

    /** The whole command line (what {@code ProcessHandle.Info} gives is cut short, before a long class path ends). */
    static String commandLine(long pid) {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(pid), "cmdline")).replace('\0', ' ');
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** The process's niceness: field 19 of {@code /proc/<pid>/stat} (proc(5)), counted after the command's name. */
    static int niceness(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        List<String> after = List.of(stat.substring(stat.lastIndexOf(')') + 2).split(" "));
        // Field 3 (state) is the first after the name: field 19 is the 17th.
        return Integer.parseInt(after.get(16));
    }
}
