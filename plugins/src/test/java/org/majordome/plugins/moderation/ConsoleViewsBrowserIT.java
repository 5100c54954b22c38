package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.config.ConsoleSettings;
import org.majordome.config.RoomPeople;
import org.majordome.config.RoomSettings;
import org.majordome.config.WebSettings;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.Browser;
import org.majordome.testing.BrowserExtension;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.ServerSettings;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

/**
 * The console's cases, schedule, plugins and activity pages end to end (issue 19), on a real Prosody and ejabberd and
 * a real headless Chromium: a room owner, logged in through the one-time link her XMPP client receives, undoes a ban
 * from the cases page after its confirmation, and the banned client can join again (XEP-0045 §9.2, the outcast
 * affiliation removed); room B's case is a 403 for her. A bot admin finds the notice due in two minutes on the
 * schedule page, and the plugins and activity pages render without script or inline style; disabling the moderation
 * plugin there takes its cases section away until it is enabled again. Leaves the README's
 * screenshots in {@code target/console-*.png}.
 */
@Proves(Feature.CONSOLE)
@ClassTemplate
class ConsoleViewsBrowserIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults());

    @RegisterExtension
    static final BrowserExtension browsers = new BrowserExtension();

    private static final Pattern LINK = Pattern.compile("https?://\\S+/console/login/[A-Za-z0-9_-]+");

    @Test
    void anOwnerUndoesABanFromTheCasesPageAndAnAdminSeesTheNoticeDueInTwoMinutes(TestClients clients)
            throws Exception {
        String domain = servers.server().domain();
        EntityBareJid garden = servers.server().uniqueRoom("gardencases");
        EntityBareJid chess = servers.server().uniqueRoom("chesscases");
        ZonedDateTime due = Instant.now().plus(Duration.ofMinutes(2)).truncatedTo(ChronoUnit.MINUTES)
                .atZone(ZoneOffset.UTC);
        XmppTestClient boss = online(clients.connect("boss"));
        try (BotUnderTest bot = BotUnderTest.builder(servers.server())
                .dataDirectory(Files.createTempDirectory(Path.of("target"), "console-views-it"))
                .admin(boss.bareJid())
                .room(owned(garden, "Garden club", "ann@" + domain))
                .room(owned(chess, "Chess club", "bob@" + domain))
                .pluginConfig("notices", """
                        zone: UTC
                        notices:
                          - name: house-rules
                            text: "Please read the house rules"
                            schedule: "0 %d %d %d %d ? %d"
                        """.formatted(due.getMinute(), due.getHour(), due.getDayOfMonth(), due.getMonthValue(),
                        due.getYear()))
                .web(new WebSettings("127.0.0.1", 0, Optional.empty(), List.of(), Optional.empty(), List.of(),
                        Optional.empty()).withConsole(ConsoleSettings.defaults()))
                .start()) {
            bot.awaitJoined(garden, chess);
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.status(garden).ready());
            XmppTestClient ann = online(clients.connect("ann"));
            ann.join(garden, "Ann");
            XmppTestClient raider = clients.connect("raider");
            raider.join(garden, "raider");
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.bot().rooms().room(garden.toString())
                    .map(handle -> handle.occupant("raider").isPresent()).orElse(false));
            // Ann, the declared owner, is a moderator there once the bot applied the room's affiliations.
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.bot().rooms().room(garden.toString())
                    .flatMap(handle -> handle.occupant("Ann"))
                    .map(occupant -> occupant.role() == org.majordome.api.event.Role.MODERATOR).orElse(false));
            ann.say(garden, "!ban raider <b>spam</b>");
            XmppTestClient again = clients.connect("raider");
            await("the ban in force").atMost(Duration.ofSeconds(60)).until(() -> refused(again, garden));

            Browser browser = browsers.browser();
            logIn(browser, bot, ann);
            browser.open(site(bot).resolve("/console/sections/cases"));
            String cases = Browser.text(browser.byRole("table", name -> true, "of cases"));
            assertThat(cases).contains("raider").contains("ban").doesNotContain(chess.getLocalpart().toString());
            screenshot(browser, "console-cases.png");
            String caseName = garden.getLocalpart() + "#1";
            browser.byRole("link", caseName).click();
            browser.byRole("heading", "Case " + caseName);
            // The moderator's reason, markup and all, is shown as text.
            assertThat(Browser.text(browser.byRole("main", name -> true, "main"))).contains("<b>spam</b>");
            browser.byRole("link", "Undo: lift the ban").click();
            browser.byRole("button", "Confirm: Undo: lift the ban").click();
            assertThat(Browser.text(browser.byRole("status", name -> true, "outcome")))
                    .startsWith("Ban of " + raider.bareJid() + " lifted");
            await("the banned client back in").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> !refused(again, garden));

            // Room B's cases, asked for by address, are refused on the server.
            browser.open(site(bot).resolve("/console/sections/cases?room=" + chess + "&row=1"));
            browser.byRole("heading", "Forbidden");
            assertThat(browser.script("return document.querySelectorAll('script, style, [style]').length"))
                    .isEqualTo(0L);

            Browser admin = browsers.open();
            logIn(admin, bot, boss);
            admin.open(site(bot).resolve("/console/schedule"));
            String expected = String.format("%04d-%02d-%02d %02d:%02d UTC", due.getYear(), due.getMonthValue(),
                    due.getDayOfMonth(), due.getHour(), due.getMinute());
            assertThat(Browser.text(admin.byRole("table", name -> true, "of jobs")))
                    .contains("notices").contains("notice/house-rules").contains(expected);
            screenshot(admin, "console-schedule.png");
            admin.open(site(bot).resolve("/console/plugins"));
            assertThat(Browser.text(admin.byRole("table", name -> true, "of plugins"))).contains("moderation")
                    .contains("notices");
            screenshot(admin, "console-plugins.png");
            // Disabling the moderation plugin pauses it (it stays started): its console section is gone until enabled.
            admin.byRole("button", "Disable moderation").click();
            assertThat(Browser.text(admin.byRole("status", name -> true, "outcome"))).startsWith("moderation: disabled");
            admin.open(site(bot).resolve("/console/sections/cases"));
            admin.byRole("heading", "Not Found");
            admin.open(site(bot).resolve("/console/plugins"));
            admin.byRole("button", "Enable moderation").click();
            assertThat(Browser.text(admin.byRole("status", name -> true, "outcome"))).startsWith("moderation: enabled");
            admin.open(site(bot).resolve("/console/sections/cases"));
            assertThat(Browser.text(admin.byRole("table", name -> true, "of cases"))).contains("raider");
            admin.open(site(bot).resolve("/console/activity"));
            assertThat(Browser.text(admin.byRole("main", name -> true, "main"))).contains("Messages per hour (highest:")
                    .contains("Moderation actions per hour (highest:");
            assertThat(admin.script("return document.querySelectorAll('svg rect').length")).isNotEqualTo(0L);
            assertThat(Browser.text(admin.byRole("table", name -> true, "of activity"))).contains("UTC");
            screenshot(admin, "console-activity.png");
            assertThat(admin.script("return document.querySelectorAll('script, style, [style]').length"))
                    .isEqualTo(0L);
            assertThat(admin.consoleErrors()).noneMatch(error -> error.contains("Content Security Policy"));
        }
    }

    private static RoomSettings owned(EntityBareJid room, String title, String owner) {
        RoomPeople people = new RoomPeople(List.of(JidCreate.entityBareFromOrThrowUnchecked(owner)),
                List.of(), List.of(), List.of(), List.of(), RoomPeople.Policy.KEEP);
        return new RoomSettings(room, Optional.empty(), Optional.empty(), BotUnderTest.titled(title, "Kept by the bot"),
                List.of("moderation", "notices")).withPeople(people);
    }

    private static URI site(BotUnderTest bot) {
        return URI.create("http://127.0.0.1:" + bot.bot().webPort().orElseThrow() + "/");
    }

    private static void logIn(Browser browser, BotUnderTest bot, XmppTestClient who) {
        browser.open(site(bot).resolve("/console/login"));
        browser.field("Your XMPP address").sendKeys(who.bareJid().toString());
        browser.byRole("button", "Send me a login link").click();
        Message message = who.awaitMessage("a login link", candidate -> candidate.getBody() != null
                && LINK.matcher(candidate.getBody()).find());
        who.clearReceived();
        Matcher matcher = LINK.matcher(message.getBody());
        assertThat(matcher.find()).isTrue();
        browser.open(URI.create(matcher.group()));
        browser.byRole("button", "Log in").click();
        browser.byRole("heading", "Rooms");
    }

    /** A chat message to a bare JID reaches only available resources: the client must be online before the link. */
    private static XmppTestClient online(XmppTestClient client) throws Exception {
        assertThat(org.jivesoftware.smackx.ping.PingManager.getInstanceFor(client.connection()).pingMyServer())
                .isTrue();
        return client;
    }

    private static void screenshot(Browser browser, String name) throws Exception {
        browser.driver().manage().window().setSize(new Dimension(1200, 800));
        Path file = Path.of("target", name);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES));
        browser.driver().manage().window().setSize(new Dimension(1280, 900));
    }

    /** Whether the server refuses this client's join (an outcast); a join that works is left again. */
    private static boolean refused(XmppTestClient client, EntityBareJid room) throws Exception {
        try {
            client.join(room, "raider-again").leave();
            return false;
        } catch (IllegalStateException failed) {
            if (failed.getCause() instanceof XMPPException.XMPPErrorException) {
                return true;
            }
            throw failed;
        }
    }
}
