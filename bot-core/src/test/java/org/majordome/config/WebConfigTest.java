package org.majordome.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.testing.TestKeystores;

/** The {@code web:} section (the embedded HTTP server and its web chat) and {@code rooms[].web-chat}. */
class WebConfigTest {

    private static final String CONNECTION = """
            connection:
              jid: bot@localhost
              password: secret
            """;

    @TempDir
    Path directory;

    private final ConfigLoader loader = new ConfigLoader(Map.of("WEB_PASSWORD", "visitors-pw", "KEYSTORE_PW", "keystore-pw"));

    @Test
    void withoutAWebSectionTheBotServesNoHttpAndListsNoRoom() throws Exception {
        BotConfig config = loader.load(write(CONNECTION + """
                rooms:
                  - jid: lobby@conference.localhost
                """));

        assertThat(config.web()).isEmpty();
        assertThat(config.rooms().getFirst().webChat()).isFalse();
    }

    @Test
    void aPortAloneGivesALoopbackServerWithoutProxiesTlsFramesOrChat() throws Exception {
        BotConfig config = loader.load(write(CONNECTION + """
                web:
                  port: 8080
                """));

        assertThat(config.web()).contains(WebSettings.onLoopback(8080));
    }

    @Test
    void chatAloneTakesEveryDefaultAndTheBotsOwnAccount() throws Exception {
        BotConfig config = loader.load(write(CONNECTION + """
                web:
                  port: 8080
                  chat:
                rooms:
                  - jid: lobby@conference.localhost
                    web-chat: true
                """));

        assertThat(config.web().orElseThrow().chat()).contains(WebChatSettings.defaults());
        assertThat(config.rooms().getFirst().webChat()).isTrue();
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void everyKeyIsRead() throws Exception {
        BotConfig config = loader.load(write(CONNECTION + """
                web:
                  bind: "::"
                  port: 443
                  public-url: https://chat.example.org/
                  trusted-proxies: [127.0.0.1, "fd00::/8"]
                  frame-ancestors: [self, "https://*.club.example.org", "http://localhost:8000"]
                  chat:
                    account: {jid: visitors@localhost, password: "${WEB_PASSWORD}"}
                    visitors-per-room: 5
                    visitors: 10
                    sessions-per-address: 1
                    messages-per-minute: 6
                    max-message-length: 300
                    idle-timeout: 5m
                    ban-by: [address]
                rooms:
                  - jid: lobby@conference.localhost
                    web-chat: true
                """));

        WebSettings web = config.web().orElseThrow();
        assertThat(web.bind()).isEqualTo("::");
        assertThat(web.port()).isEqualTo(443);
        assertThat(web.publicUrl()).contains(URI.create("https://chat.example.org/"));
        assertThat(web.trustedProxies()).containsExactly("127.0.0.1", "fd00::/8");
        assertThat(web.frameAncestors()).containsExactly("'self'", "https://*.club.example.org", "http://localhost:8000");
        WebChatSettings chat = web.chat().orElseThrow();
        assertThat(chat.accountJid()).map(Object::toString).contains("visitors@localhost");
        assertThat(chat.accountPassword()).map(Secret::reveal).contains("visitors-pw");
        assertThat(List.of(chat.visitorsPerRoom(), chat.visitors(), chat.sessionsPerAddress(), chat.messagesPerMinute(),
                chat.maxMessageLength())).containsExactly(5, 10, 1, 6, 300);
        assertThat(chat.idleTimeout()).hasMinutes(5);
        assertThat(chat.banBy()).containsExactly("address");
        assertThat(config.toString()).doesNotContain("visitors-pw");
    }

    @Test
    void everyMistakeIsReportedAtOnceWithItsLineAndKey() throws IOException {
        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> loader.load(write(CONNECTION + """
                web:
                  bind: localhost
                  port: 70000
                  public-url: ftp://chat.example.org/
                  trusted-proxies: [10.0.0.0/33, proxy.example.org]
                  frame-ancestors: ["https://a.example.org; script-src *", "*"]
                  chat:
                    account: {jid: visitors@localhost}
                    visitors: 0
                    idle-timeout: soon
                    ban-by: [cookie, ip]
                  colour: blue
                rooms:
                  - jid: lobby@conference.localhost
                    web-chat: maybe
                """)));

        assertThat(failure.problems()).extracting(ConfigProblem::line, ConfigProblem::key).containsExactly(
                tuple(5, "web.bind"),
                tuple(6, "web.port"),
                tuple(7, "web.public-url"),
                tuple(8, "web.trusted-proxies[0]"),
                tuple(8, "web.trusted-proxies[1]"),
                tuple(9, "web.frame-ancestors[0]"),
                tuple(9, "web.frame-ancestors[1]"),
                tuple(11, "web.chat.account.password"),
                tuple(12, "web.chat.visitors"),
                tuple(13, "web.chat.idle-timeout"),
                tuple(14, "web.chat.ban-by[1]"),
                tuple(15, "web.colour"),
                tuple(18, "rooms[0].web-chat"));
        assertThat(failure.problems().get(0).message()).contains("a literal IP address");
        assertThat(failure.problems().get(5).message()).contains("'self' or an origin");
        assertThat(failure.problems().get(7).message()).contains("missing required key 'password'");
        assertThat(failure.problems().get(11).message()).contains("unknown key 'colour'");
    }

    /** A frame-ancestors value ends up in a header: one with a ';' would add a directive of its own choosing. */
    @Test
    void aFrameAncestorCannotSmuggleAnotherDirectiveIntoThePolicy() throws IOException {
        for (String hostile : List.of("'self'; script-src 'unsafe-inline'", "https://a.org https://b.org",
                "'unsafe-inline'", "https://a.org,https://b.org", "https://a.org\\r\\nX-Evil: 1", "data:")) {
            ConfigException failure = catchThrowableOfType(ConfigException.class, () -> loader.load(write(CONNECTION
                    + "web:\n  port: 8080\n  frame-ancestors: [\"" + hostile + "\"]\n")));

            assertThat(failure.problems()).as(hostile).singleElement()
                    .extracting(ConfigProblem::key).isEqualTo("web.frame-ancestors[0]");
        }
    }

    @Test
    void anEmptyWebSectionIsAServerWithoutItsPortNotNoServer() throws IOException {
        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> loader.load(write(CONNECTION
                + "web:\n")));

        assertThat(failure.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("web.port");
            assertThat(problem.message()).contains("missing required key 'port'");
        });
    }

    @Test
    void aBanThatHoldsOnNothingIsRefused() throws IOException {
        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> loader.load(write(CONNECTION + """
                web:
                  port: 8080
                  chat:
                    ban-by: []
                """)));

        assertThat(failure.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("web.chat.ban-by");
            assertThat(problem.message()).contains("a ban must hold on something");
        });
    }

    @Test
    void aKeystoreIsOpenedWhenTheFileIsCheckedSoAWrongPasswordIsReportedAtItsKey() throws Exception {
        TestKeystores.generate(directory.resolve("web.p12"), "keystore-pw");

        BotConfig good = loader.load(write(CONNECTION + """
                web:
                  port: 8443
                  tls: {keystore: web.p12, password: "${KEYSTORE_PW}"}
                """));
        ConfigException wrong = catchThrowableOfType(ConfigException.class, () -> loader.load(write(CONNECTION + """
                web:
                  port: 8443
                  tls: {keystore: web.p12, password: not-it}
                """)));
        ConfigException missing = catchThrowableOfType(ConfigException.class, () -> loader.load(write(CONNECTION + """
                web:
                  port: 8443
                  tls: {keystore: nowhere.p12, password: x}
                """)));

        TlsKeystore tls = good.web().orElseThrow().tls().orElseThrow();
        assertThat(tls.keystore()).isEqualTo(directory.resolve("web.p12").toAbsolutePath());
        assertThat(tls.password().reveal()).isEqualTo("keystore-pw");
        assertThat(wrong.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("web.tls.keystore");
            assertThat(problem.message()).contains("does not open").doesNotContain("not-it");
        });
        assertThat(missing.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.key()).isEqualTo("web.tls.keystore");
            assertThat(problem.message()).contains("no such file");
        });
    }

    @Test
    void aRoomMarkedForAWebChatThatIsNotConfiguredAndAChatListingNoRoomAreWarnings() throws Exception {
        BotConfig roomWithoutChat = loader.load(write(CONNECTION + """
                web:
                  port: 8080
                rooms:
                  - jid: lobby@conference.localhost
                    web-chat: true
                """));
        BotConfig chatWithoutRoom = loader.load(write(CONNECTION + """
                web:
                  port: 8080
                  chat:
                    visitors: 10
                rooms:
                  - jid: lobby@conference.localhost
                """));

        assertThat(roomWithoutChat.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.key()).isEqualTo("rooms[0].web-chat");
            assertThat(warning.message()).contains("no web.chat section");
        });
        assertThat(chatWithoutRoom.warnings()).singleElement().satisfies(warning -> {
            assertThat(warning.key()).isEqualTo("web.chat");
            assertThat(warning.message()).contains("lists no room");
        });
    }

    @Test
    void theVisitorsSessionsRunInANicedProcessUnlessConfiguredInProcess() throws Exception {
        WebChatSettings byDefault = loader.load(write(CONNECTION + "web:\n  port: 8080\n  chat:\n")).web()
                .orElseThrow().chat().orElseThrow();
        assertThat(byDefault.sessions()).isEqualTo(WebChatSettings.Sessions.PROCESS);
        assertThat(byDefault.sessionsNice()).isEqualTo(19);

        WebChatSettings inProcess = loader.load(write(CONNECTION
                + "web:\n  port: 8080\n  chat:\n    sessions: in-process\n    sessions-nice: 0\n")).web()
                .orElseThrow().chat().orElseThrow();
        assertThat(inProcess.sessions()).isEqualTo(WebChatSettings.Sessions.IN_PROCESS);
        assertThat(inProcess.sessionsNice()).isZero();
    }

    @Test
    void aBadSessionsPlaceOrNicenessIsNamedWithItsLineAndKey() throws IOException {
        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> loader.load(write(CONNECTION
                + "web:\n  port: 8080\n  chat:\n    sessions: thread\n    sessions-nice: 20\n")));

        assertThat(failure.problems()).extracting(ConfigProblem::line, ConfigProblem::key).containsExactly(
                tuple(7, "web.chat.sessions"), tuple(8, "web.chat.sessions-nice"));
        assertThat(failure.problems().get(0).message()).contains("process, in-process");
        assertThat(failure.problems().get(1).message()).contains("19");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(directory.resolve("bot.yml"), yaml);
    }
}
