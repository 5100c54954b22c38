package org.majordome.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.config.ClusterSettings;
import org.majordome.config.ConsoleSettings;
import org.majordome.config.DatabaseConnection;
import org.majordome.config.WebSettings;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.PostgresExtension;
import org.majordome.testing.ProsodyExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;

/**
 * The operator console behind a load balancer, on two instances of a cluster (in this JVM, a real PostgreSQL, a real
 * Prosody): the login link one instance sends opens a session through the other, that session is good on both, and
 * the link is used up on both. Before, links and sessions lived in each instance's memory, and the link was unknown
 * wherever the balancer sent the operator but to the instance that made it.
 *
 * <p>On Prosody only: the subject is what the instances share through the database; the login itself is proven on
 * both servers by {@code ConsoleBrowserIT}.
 */
class ConsoleClusterLoginIT {

    @RegisterExtension
    static final ProsodyExtension prosody = new ProsodyExtension();

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @TempDir
    Path work;

    private final List<BotUnderTest> instances = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(30)).build();

    @AfterEach
    void stopInstances() {
        instances.forEach(BotUnderTest::close);
    }

    @Test
    void aLinkSentByOneInstanceLogsInThroughTheOtherAndTheSessionHoldsOnBoth(TestClients clients) throws Exception {
        DatabaseConnection database = postgres.newDatabase("consolelogin");
        EntityBareJid room = prosody.server().uniqueRoom("consolelogin");
        XmppTestClient boss = ConsoleBrowserIT.online(clients.connect("boss"));
        BotUnderTest a = start("a", database, room, boss.bareJid());
        BotUnderTest b = start("b", database, room, boss.bareJid());
        URI siteA = site(a);
        URI siteB = site(b);

        assertThat(http.send(ConsoleBrowserIT.form(siteA.resolve("/console/login"), origin(siteA),
                "jid=" + boss.bareJid()), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(303);
        URI linkOnA = URI.create(ConsoleBrowserIT.awaitLink(boss));
        assertThat(linkOnA.getPort()).isEqualTo(siteA.getPort());
        // The balancer sends the operator to the other instance.
        URI linkOnB = siteB.resolve(linkOnA.getRawPath());

        HttpResponse<String> loggedIn = http.send(ConsoleBrowserIT.form(linkOnB, origin(siteB), ""),
                HttpResponse.BodyHandlers.ofString());
        assertThat(loggedIn.statusCode()).as("the link, redeemed on b").isEqualTo(303);
        String cookie = loggedIn.headers().firstValue("set-cookie").orElseThrow();
        String session = cookie.substring(0, cookie.indexOf(';'));

        for (URI site : List.of(siteA, siteB)) {
            HttpResponse<String> rooms = http.send(HttpRequest.newBuilder(site.resolve("/console/rooms"))
                    .header("Cookie", session).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(rooms.statusCode()).as("the rooms page on " + site).isEqualTo(200);
            assertThat(rooms.body()).contains("<strong>" + boss.bareJid() + "</strong>");
        }
        HttpResponse<String> again = http.send(ConsoleBrowserIT.form(linkOnA, origin(siteA), ""),
                HttpResponse.BodyHandlers.ofString());
        assertThat(again.headers().allValues("set-cookie")).as("the link, used up on a too").isEmpty();
    }

    private BotUnderTest start(String instance, DatabaseConnection database, EntityBareJid room,
                               EntityBareJid admin) {
        BotUnderTest bot = BotUnderTest.builder(prosody.server())
                .nick("Majordome-" + instance)
                .admin(admin)
                .database(database)
                .cluster(new ClusterSettings(instance, Duration.ofSeconds(6), Duration.ofSeconds(1)))
                .dataDirectory(work.resolve(instance))
                .room(room)
                .web(new WebSettings("127.0.0.1", 0, Optional.empty(), List.of(), Optional.empty(), List.of(),
                        Optional.empty()).withConsole(ConsoleSettings.defaults()))
                .start();
        instances.add(bot);
        return bot;
    }

    private static URI site(BotUnderTest bot) {
        return URI.create("http://127.0.0.1:" + bot.bot().webPort().orElseThrow() + "/");
    }

    private static String origin(URI site) {
        return site.toString().replaceAll("/$", "");
    }
}
