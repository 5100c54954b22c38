package org.majordome.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.ping.PingManager;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.app.RunningBot;
import org.majordome.config.ConfigLoader;
import org.majordome.room.RoomStatus;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.Browser;
import org.majordome.testing.BrowserExtension;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * The configuration page as a bot admin meets it, on a real Prosody and ejabberd with a real headless Chromium: the
 * bot runs from a configuration file, the admin logs in through the link their client receives, sees the
 * configuration in force without its password, then edits the file: the first button only checks it and says which
 * room would be joined (the bot joins nothing), the second applies it and the bot joins the room. Before that, the
 * admin opens the console sections a script offers: one shows a hostile cell as text, one that throws shows its
 * failure in words. The configuration page
 * (before the edit) is left in {@code target/console-config.png}.
 */
@Proves({Feature.CONSOLE, Feature.RELOAD})
@ClassTemplate
class ConsoleConfigIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension();

    @RegisterExtension
    static final BrowserExtension browsers = new BrowserExtension();

    private static final Pattern LINK = Pattern.compile("https?://\\S+/console/login/[A-Za-z0-9_-]+");

    @TempDir
    Path dir;

    private String configText(int webPort, String admin, EntityBareJid... rooms) {
        StringBuilder yaml = new StringBuilder("""
                connection:
                  jid: %s@%s
                  password: %s
                  host: %s
                  port: %d
                  tls: disabled
                admins: [%s]
                runtime:
                  data-directory: data
                dispatch:
                  scripts-directory: %s
                web:
                  port: %d
                  console:
                    enabled: true
                rooms:
                """.formatted(BotUnderTest.ACCOUNT, servers.server().domain(), BotUnderTest.PASSWORD,
                servers.server().host(), servers.server().port(), admin, dir.resolve("scripts"), webPort));
        for (EntityBareJid room : rooms) {
            yaml.append("  - jid: ").append(room).append('\n').append("    scripts: all\n");
        }
        return yaml.toString();
    }

    @Test
    void aBotAdminSeesTheConfigurationWithoutSecretsAndAReloadIsCheckedBeforeItIsApplied(TestClients clients)
            throws Exception {
        servers.server().register(BotUnderTest.ACCOUNT, BotUnderTest.PASSWORD);
        XmppTestClient boss = clients.connect("boss");
        assertThat(PingManager.getInstanceFor(boss.connection()).pingMyServer()).isTrue();
        EntityBareJid first = servers.server().uniqueRoom("config-first");
        EntityBareJid second = servers.server().uniqueRoom("config-second");
        int port = freePort();
        Path file = dir.resolve("bot.yml");
        Files.writeString(file, configText(port, boss.bareJid().toString(), first));
        // A script's console sections (issue 19): one lists what a hostile user could have typed, one fails.
        Files.writeString(Files.createDirectories(dir.resolve("scripts")).resolve("tally.js"), """
                bot.consoleSections.offer({id: 'tally', title: 'Tally', columns: ['Nick', 'Words'],
                    list: query => [{room: '%s', id: '1', cells: ['<img src=x onerror=alert(1)>', '42']}]});
                bot.consoleSections.offer({id: 'broken-tally', title: 'Broken tally', columns: ['Nick'],
                    list: query => { throw new Error('the tally is lost'); }});
                """.formatted(first));

        try (RunningBot bot = RunningBot.start(new ConfigLoader(Map.of()).load(file))) {
            await().atMost(Duration.ofSeconds(60)).until(bot.rooms()::allJoined);
            Browser browser = browsers.browser();
            browser.open(URI.create("http://127.0.0.1:" + port + "/console/login"));
            browser.field("Your XMPP address").sendKeys(boss.bareJid().toString());
            browser.byRole("button", "Send me a login link").click();
            browser.open(URI.create(link(boss)));
            browser.byRole("button", "Log in").click();
            browser.byRole("heading", "Rooms");

            // The script's sections, beside the plugins': its text shown as text, its failure in words.
            browser.open(URI.create("http://127.0.0.1:" + port + "/console/sections"));
            browser.byRole("link", "Tally").click();
            assertThat(Browser.text(browser.byRole("table", name -> true, "Tally")))
                    .contains("<img src=x onerror=alert(1)>").contains("42");
            assertThat(browser.script("return document.querySelectorAll('main img').length")).isEqualTo(0L);
            browser.open(URI.create("http://127.0.0.1:" + port + "/console/sections/broken-tally"));
            browser.byRole("heading", "Broken tally");
            assertThat(Browser.text(browser.byRole("alert", name -> true, "failure")))
                    .startsWith("This section failed: ").contains("the tally is lost");

            browser.byRole("link", "Configuration").click();
            browser.byRole("heading", "Configuration");
            String effective = Browser.text(browser.byRole("region", "Effective configuration"));
            assertThat(effective).contains(first.toString()).contains(boss.bareJid().toString()).contains("******")
                    .doesNotContain(BotUnderTest.PASSWORD);
            screenshot(browser);

            Files.writeString(file, configText(port, boss.bareJid().toString(), first, second));
            browser.byRole("button", "Check the file for a reload").click();
            String report = Browser.text(browser.byRole("region", "The file is valid"));
            assertThat(report).contains("would join " + second);
            assertThat(bot.rooms().status()).extracting(RoomStatus::roomJid).containsExactly(first.toString());

            browser.byRole("button", "Apply this configuration").click();
            assertThat(Browser.text(browser.byRole("status", "Reloaded"))).contains("joining " + second);
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.rooms().status().stream()
                    .anyMatch(room -> room.roomJid().equals(second.toString())
                            && room.state() == RoomStatus.State.JOINED));
        }
    }

    /** The configuration page, in {@code target/console-config.png} (the README's picture is made from it). */
    private static void screenshot(Browser browser) throws java.io.IOException {
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1200, 800));
        Path file = Path.of("target", "console-config.png");
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, ((org.openqa.selenium.TakesScreenshot) browser.driver())
                .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }

    private static String link(XmppTestClient client) {
        Message message = client.awaitMessage("a login link", candidate -> candidate.getBody() != null
                && LINK.matcher(candidate.getBody()).find());
        Matcher matcher = LINK.matcher(message.getBody());
        assertThat(matcher.find()).isTrue();
        return matcher.group();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
