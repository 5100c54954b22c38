package org.majordome.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
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
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/**
 * The operator console end to end, as a room owner meets it: the real bot with {@code web.console} enabled, on a real
 * Prosody and ejabberd, a real headless Chromium, and the owner's own XMPP client (Smack) where the one-time login
 * link arrives by direct message (RFC 6121 §5, type chat). The owner of room A logs in through that link and lands on
 * the rooms page, which lists A and not B; room B is refused with 403, shown or acted on; a form posted from a page
 * of another origin is refused; the login page answers an unknown JID exactly as a known one; logging out ends the
 * session. A second test does the same login without a browser and checks the cookie and the link's single use.
 */
@Proves(Feature.CONSOLE)
@ClassTemplate
class ConsoleBrowserIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults());

    @RegisterExtension
    static final BrowserExtension browsers = new BrowserExtension();

    /** Where the login test leaves its screenshot of the rooms page (the README's picture is made from it). */
    static final Path SCREENSHOT = Path.of("target", "console-rooms.png");
    private static final Pattern LINK = Pattern.compile("https?://\\S+/console/login/[A-Za-z0-9_-]+");

    private record Rooms(EntityBareJid a, EntityBareJid b) {
    }

    private static BotUnderTest start(Rooms rooms) throws Exception {
        String domain = servers.server().domain();
        BotUnderTest bot = BotUnderTest.builder(servers.server())
                .dataDirectory(Files.createTempDirectory(Path.of("target"), "console-it"))
                .room(owned(rooms.a(), "Garden club", "ann@" + domain))
                .room(owned(rooms.b(), "Chess club", "bob@" + domain))
                .web(new WebSettings("127.0.0.1", 0, Optional.empty(), List.of(), Optional.empty(), List.of(),
                        Optional.empty()).withConsole(ConsoleSettings.defaults()))
                .start();
        bot.awaitJoined(rooms.a(), rooms.b());
        return bot;
    }

    private static RoomSettings owned(EntityBareJid room, String title, String owner) {
        RoomPeople people = new RoomPeople(List.of(org.jxmpp.jid.impl.JidCreate.entityBareFromOrThrowUnchecked(owner)),
                List.of(), List.of(), List.of(), List.of(), RoomPeople.Policy.KEEP);
        return new RoomSettings(room, Optional.empty(), Optional.empty(), BotUnderTest.titled(title, "Kept by the bot"),
                List.of()).withPeople(people);
    }

    private static URI site(BotUnderTest bot) {
        return URI.create("http://127.0.0.1:" + bot.bot().webPort().orElseThrow() + "/");
    }

    @Test
    void anOwnerLogsInThroughTheLinkSentOverXmppAndSeesAndActsOnTheirRoomOnly(TestClients clients) throws Exception {
        Rooms rooms = new Rooms(servers.server().uniqueRoom("garden"), servers.server().uniqueRoom("chess"));
        try (BotUnderTest bot = start(rooms)) {
            XmppTestClient ann = online(clients.connect("ann"));
            XmppTestClient stranger = online(clients.connect("stranger"));
            MultiUserChat annInA = ann.join(rooms.a(), "Ann");
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.status(rooms.a()).ready());
            // Once the bot made her the declared owner, Ann sets the subject from her client.
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .untilAsserted(() -> annInA.changeSubject("Planting day on Saturday, bring gloves"));
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.bot().rooms().subject(rooms.a())
                    .filter(subject -> subject.startsWith("Planting day")).isPresent());
            Browser browser = browsers.browser();

            browser.open(site(bot).resolve("/console/"));
            String answer = askForLink(browser, ann.bareJid().toString());
            URI link = URI.create(awaitLink(ann));
            // The same answer for an account that may not log in, and for one that does not exist.
            assertThat(askForLink(browser, stranger.bareJid().toString())).isEqualTo(answer);
            assertThat(askForLink(browser, "nobody@" + servers.server().domain())).isEqualTo(answer)
                    .startsWith("If this address may use the console, a login link was sent");

            browser.open(link);
            browser.byRole("button", "Log in").click();
            browser.byRole("heading", "Rooms");
            String table = Browser.text(browser.byRole("table", name -> true, "of rooms"));
            assertThat(table).contains("Garden club").contains(rooms.a().toString()).contains("joined")
                    .contains("as declared").doesNotContain(rooms.b().toString()).doesNotContain("Chess club");
            assertThat(Browser.text(browser.byRole("banner", name -> true, "header")))
                    .contains("Logged in as " + ann.bareJid());
            String navigation = Browser.text(browser.byRole("navigation", "Console"));
            // A room owner is not offered the bot admins' configuration page.
            assertThat(navigation).contains("Rooms").doesNotContain("Configuration");
            assertThat(table).contains("Planting day on Saturday, bring gloves");
            // Nothing for the Content-Security-Policy to refuse: no script, no inline style, one style sheet.
            assertThat(browser.script("return document.querySelectorAll('script, style, [style]').length"))
                    .isEqualTo(0L);
            browser.driver().manage().window().setSize(new Dimension(1200, 700));
            Files.createDirectories(SCREENSHOT.toAbsolutePath().getParent());
            Files.write(SCREENSHOT, ((org.openqa.selenium.TakesScreenshot) browser.driver())
                    .getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
            browser.driver().manage().window().setSize(new Dimension(1280, 900));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> stranger.received().isEmpty());

            // Ann, a declared owner, renames her room from her client: the page shows the drift the bot put back.
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                FillableForm form = annInA.getConfigurationForm().getFillableForm();
                form.setAnswer("muc#roomconfig_roomname", "Hijacked");
                annInA.sendConfigurationForm(form);
            });
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.bot().rooms().views().stream()
                    .anyMatch(view -> view.jid().equals(rooms.a().toString())
                            && view.configuration().repaired().contains("title")));
            browser.byRole("link", "Garden club").click();
            browser.byRole("heading", "Garden club");
            String detail = Browser.text(browser.byRole("main", name -> true, "main"));
            assertThat(detail).contains("Drifted; put back at").contains("title")
                    .contains("Ann (moderator, owner) — " + ann.bareJid())
                    .contains(ann.bareJid() + ": owner — applied");

            // Room B, shown or acted on with this session's own token, is refused on the server.
            browser.open(site(bot).resolve("/console/rooms/" + rooms.b()));
            browser.byRole("heading", "Forbidden");
            assertThat(Browser.text(browser.byRole("alert", name -> true, "message")))
                    .isEqualTo("You may not manage this room.");
            String csrf = browser.driver().findElement(By.name("csrf")).getDomProperty("value");
            assertThat(postFromThePage(browser, "/console/rooms/" + rooms.b(), csrf)).isEqualTo(403);
            assertThat(postFromThePage(browser, "/console/rooms/" + rooms.a(), csrf)).isEqualTo(303);

            // A form on a page of another origin, posted by the logged-in browser, is refused.
            try (AttackerPage attacker = AttackerPage.posting(site(bot).resolve("/console/rooms/" + rooms.a()))) {
                browser.open(attacker.url());
                browser.byRole("heading", "Forbidden");
                assertThat(Browser.text(browser.byRole("alert", name -> true, "message")))
                        .isEqualTo("This form was not sent from the console's own page.");
            }

            // A browser that asks for French gets the console in French (Accept-Language, sent by the browser itself).
            ChromeDriver chrome = (ChromeDriver) browser.driver();
            chrome.executeCdpCommand("Network.enable", Map.of());
            chrome.executeCdpCommand("Network.setExtraHTTPHeaders",
                    Map.of("headers", Map.of("Accept-Language", "fr-FR,fr;q=0.9")));
            try {
                browser.open(site(bot).resolve("/console/rooms"));
                browser.byRole("heading", "Salons");
                assertThat(browser.script("return document.documentElement.lang")).isEqualTo("fr");
                assertThat(Browser.text(browser.byRole("table", name -> true, "of rooms"))).contains("Dernière activité")
                        .contains("présent");
            } finally {
                chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of()));
            }

            browser.open(site(bot).resolve("/console/rooms"));
            browser.byRole("button", "Log out").click();
            browser.byRole("heading", "Log in");
            browser.open(site(bot).resolve("/console/rooms"));
            browser.byRole("heading", "Log in");
            // The refusals above are logged by the browser as failed loads; nothing was refused by the CSP.
            assertThat(browser.consoleErrors()).noneMatch(error -> error.contains("Content Security Policy"));
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndStrictAndTheLinkWorksOnceEvenIfPreviewed(TestClients clients) throws Exception {
        Rooms rooms = new Rooms(servers.server().uniqueRoom("gardenhttp"), servers.server().uniqueRoom("chesshttp"));
        try (BotUnderTest bot = start(rooms)) {
            XmppTestClient ann = online(clients.connect("ann"));
            String origin = site(bot).toString().replaceAll("/$", "");
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

            HttpResponse<String> asked = http.send(form(site(bot).resolve("/console/login"), origin,
                    "jid=" + ann.bareJid()), HttpResponse.BodyHandlers.ofString());
            assertThat(asked.statusCode()).isEqualTo(303);
            URI link = URI.create(awaitLink(ann));

            // A link preview (a GET) neither logs in nor uses the link up.
            for (int i = 0; i < 2; i++) {
                HttpResponse<String> preview = http.send(HttpRequest.newBuilder(link).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(preview.statusCode()).isEqualTo(200);
                assertThat(preview.headers().allValues("set-cookie")).isEmpty();
                // Regression: under the server's no-referrer, Chromium posted the console's own forms with
                // "Origin: null", and the origin check refused every login and every action.
                assertThat(preview.headers().firstValue("referrer-policy")).contains("same-origin");
            }
            // A POST of the link from elsewhere is refused, and does not use it up either.
            assertThat(http.send(form(link, "http://127.0.0.1:1", ""), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(403);

            HttpResponse<String> loggedIn = http.send(form(link, origin, ""), HttpResponse.BodyHandlers.ofString());
            assertThat(loggedIn.statusCode()).isEqualTo(303);
            String cookie = loggedIn.headers().firstValue("set-cookie").orElseThrow();
            assertThat(cookie).startsWith(ConsoleHttp.COOKIE + "=").contains("; HttpOnly").contains("; SameSite=Strict")
                    .contains("; Path=/console").contains("; Max-Age=28800").doesNotContain("Secure");
            assertThat(http.send(form(link, origin, ""), HttpResponse.BodyHandlers.ofString()).statusCode())
                    .as("the link used a second time").isEqualTo(400);

            String session = cookie.substring(0, cookie.indexOf(';'));
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(site(bot).resolve("/console/rooms"))
                    .header("Cookie", session).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            Matcher token = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"").matcher(page.body());
            assertThat(token.find()).isTrue();
            URI action = site(bot).resolve("/console/rooms/" + rooms.a());
            String body = "action=join&csrf=" + token.group(1);
            // The right token from a foreign origin, and this origin without the token: both refused.
            assertThat(http.send(withCookie(form(action, "http://evil.example", body), session),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
            assertThat(http.send(withCookie(form(action, origin, "action=join"), session),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
            assertThat(http.send(withCookie(form(action, origin, body), session),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(303);
        }
    }

    /**
     * The client once its server has taken its initial presence (a ping answered after it on the same stream): a
     * chat message to a bare JID reaches only available resources, and the test servers keep no offline messages.
     */
    static XmppTestClient online(XmppTestClient client) throws Exception {
        assertThat(org.jivesoftware.smackx.ping.PingManager.getInstanceFor(client.connection()).pingMyServer())
                .isTrue();
        return client;
    }

    private static String askForLink(Browser browser, String jid) {
        browser.open(URI.create(browser.driver().getCurrentUrl()).resolve("/console/login"));
        browser.field("Your XMPP address").sendKeys(jid);
        browser.byRole("button", "Send me a login link").click();
        return Browser.text(browser.byRole("status", name -> true, "answer"));
    }

    static String awaitLink(XmppTestClient client) {
        Message message = client.awaitMessage("a login link", candidate -> candidate.getBody() != null
                && LINK.matcher(candidate.getBody()).find());
        client.clearReceived();
        Matcher matcher = LINK.matcher(message.getBody());
        assertThat(matcher.find()).isTrue();
        return matcher.group();
    }

    /** POSTs a form with {@code fetch} from the page the browser shows: same origin, its cookie, this token. */
    private static long postFromThePage(Browser browser, String path, String csrf) {
        Object status = ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {method: 'POST', redirect: 'manual',
                        body: new URLSearchParams({csrf: arguments[1], action: 'join'})})
                    .then(r => done(r.type === 'opaqueredirect' ? 303 : r.status), e => done(-1));
                """, path, csrf);
        return ((Number) status).longValue();
    }

    static HttpRequest form(URI uri, String origin, String body) {
        return HttpRequest.newBuilder(uri).header("Origin", origin)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    static HttpRequest withCookie(HttpRequest request, String cookie) {
        return HttpRequest.newBuilder(request, (name, value) -> true).header("Cookie", cookie).build();
    }

    /** A page on another loopback origin whose script posts a form to the console at once, as a hostile site would. */
    private record AttackerPage(HttpServer server) implements AutoCloseable {

        static AttackerPage posting(URI target) throws Exception {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] page = ("<!DOCTYPE html><html><body><form id=\"f\" method=\"post\" action=\"" + target + "\">"
                    + "<input type=\"hidden\" name=\"action\" value=\"join\"><input type=\"hidden\" name=\"csrf\" "
                    + "value=\"guessed\"></form><script>document.getElementById('f').submit()</script></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            server.createContext("/", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                exchange.getResponseBody().write(page);
                exchange.close();
            });
            server.start();
            return new AttackerPage(server);
        }

        URI url() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }
}
