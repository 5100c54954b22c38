package org.majordome.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.event.Affiliation;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.AffiliationChange;
import org.majordome.config.ConsoleSettings;
import org.majordome.config.RoomSettings;
import org.majordome.config.WebSettings;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.ServerSettings;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * The console's operators of a kept room that declares no affiliations (issue 19): the bot creates two rooms whose
 * configuration names nobody; on the server, Carol is then made an owner of the first and Dave an admin of the
 * second (XEP-0045 §10.3, §10.5, by the bot, their owner). The bot reads those lists at its next check without
 * changing them, so Carol receives a one-time login link over XMPP, logs in, sees her room and is refused the
 * other with 403. Without a browser: the link's arrival and the session it opens are the proof.
 */
@Proves(Feature.CONSOLE)
@ClassTemplate
class ConsoleUndeclaredManagersIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults());

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void anOwnerOrAdminOfAKeptRoomThatDeclaresNoAffiliationsCanLogIn(TestClients clients) throws Exception {
        EntityBareJid a = servers.server().uniqueRoom("undeclareda");
        EntityBareJid b = servers.server().uniqueRoom("undeclaredb");
        String domain = servers.server().domain();
        try (BotUnderTest bot = BotUnderTest.builder(servers.server())
                .dataDirectory(Files.createTempDirectory(Path.of("target"), "console-it"))
                .room(undeclared(a, "Garden club")).room(undeclared(b, "Chess club"))
                .reconcileInterval(Duration.ofSeconds(1))
                .web(new WebSettings("127.0.0.1", 0, Optional.empty(), List.of(), Optional.empty(), List.of(),
                        Optional.empty()).withConsole(ConsoleSettings.defaults()))
                .start()) {
            bot.awaitJoined(a, b);
            await().atMost(WAIT).until(() -> bot.status(a).ready() && bot.status(b).ready());
            XmppTestClient carol = ConsoleBrowserIT.online(clients.connect("carol"));
            String dave = "dave@" + domain;
            grant(bot, a, carol.bareJid().toString(), Affiliation.OWNER);
            grant(bot, b, dave, Affiliation.ADMIN);

            // The next checks read the lists of rooms declaring nobody too.
            await().atMost(WAIT).until(() -> managedBy(bot, a, carol.bareJid().toString()) && managedBy(bot, b, dave));
            assertThat(bot.bot().rooms().views()).allSatisfy(view -> assertThat(view.declared()).isEmpty());

            URI site = URI.create("http://127.0.0.1:" + bot.bot().webPort().orElseThrow() + "/");
            String origin = site.toString().replaceAll("/$", "");
            HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
            assertThat(http.send(ConsoleBrowserIT.form(site.resolve("/console/login"), origin,
                    "jid=" + carol.bareJid()), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(303);
            URI link = URI.create(ConsoleBrowserIT.awaitLink(carol));
            HttpResponse<String> loggedIn = http.send(ConsoleBrowserIT.form(link, origin, ""),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(loggedIn.statusCode()).isEqualTo(303);
            String cookie = loggedIn.headers().firstValue("set-cookie").orElseThrow();
            String session = cookie.substring(0, cookie.indexOf(';'));

            HttpResponse<String> rooms = get(http, site.resolve("/console/rooms"), session);
            assertThat(rooms.statusCode()).isEqualTo(200);
            assertThat(rooms.body()).contains("<strong>" + carol.bareJid() + "</strong>").contains(a.toString())
                    .doesNotContain(b.toString());
            assertThat(get(http, site.resolve("/console/rooms/" + a), session).statusCode()).isEqualTo(200);
            assertThat(get(http, site.resolve("/console/rooms/" + b), session).statusCode()).isEqualTo(403);
            assertThat(bot.status(a).unapplied()).isEmpty();
        }
    }

    private static void grant(BotUnderTest bot, EntityBareJid room, String jid, Affiliation affiliation) {
        List<AffiliationChange.Result> results = bot.bot().rooms().room(room.toString()).orElseThrow().affiliations()
                .change(List.of(new AffiliationChange(jid, affiliation))).toCompletableFuture().join();
        assertThat(results).singleElement().extracting(AffiliationChange.Result::result).isEqualTo(ActionResult.DONE);
    }

    private static boolean managedBy(BotUnderTest bot, EntityBareJid room, String jid) {
        return bot.bot().rooms().views().stream().anyMatch(view -> view.jid().equals(room.toString())
                && view.managedBy(jid));
    }

    private static HttpResponse<String> get(HttpClient http, URI uri, String session) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).header("Cookie", session).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static RoomSettings undeclared(EntityBareJid room, String title) {
        return new RoomSettings(room, Optional.empty(), Optional.empty(), BotUnderTest.titled(title, "Kept by the bot"),
                List.of());
    }
}
