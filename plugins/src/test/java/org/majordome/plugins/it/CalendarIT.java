package org.majordome.plugins.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.roster.Roster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

import com.sun.net.httpserver.HttpServer;

/**
 * The calendar plugin in the real bot against a real Prosody and ejabberd, its feed served over HTTP from loopback: a
 * user asks for the agenda and the next event in the room, subscribes, and gets the reminder as a direct message while
 * the room gets it too. The bot created the room, so it moderates it and sees real JIDs (XEP-0045 §7.2.3,
 * semi-anonymous).
 */
@Proves(Feature.CALENDAR)
@ClassTemplate
class CalendarIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension();

    private static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    @TempDir
    Path data;

    private HttpServer server;
    private String feed;

    @BeforeEach
    void serveFeed() throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        // The reminder comes 90 s before an event 95 s away: due about when alice has subscribed (or later, once she has).
        feed = ("""
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//Majordome tests//EN
                BEGIN:VEVENT
                UID:soon@example.org
                DTSTAMP:%1$s
                DTSTART:%2$s
                DURATION:PT30M
                SUMMARY:Release party
                END:VEVENT
                BEGIN:VEVENT
                UID:later@example.org
                DTSTAMP:%1$s
                DTSTART:%3$s
                DURATION:PT1H
                SUMMARY:Retrospective
                END:VEVENT
                END:VCALENDAR
                """).formatted(ICS_UTC.format(now), ICS_UTC.format(now.plusSeconds(95)),
                ICS_UTC.format(now.plus(Duration.ofDays(2)))).replace("\n", "\r\n");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/team.ics", exchange -> {
            byte[] body = feed.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void agendaNextAndASubscribersReminderByDirectMessage(TestClients clients) {
        EntityBareJid room = servers.server().uniqueRoom("calendar");
        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).room(room, "calendar").dataDirectory(data)
                .pluginConfig("calendar", """
                        feeds:
                          - name: team
                            source: http://127.0.0.1:%d/team.ics
                        reminders: [90s]
                        daily-agenda: ""
                        tick: 1s
                        """.formatted(server.getAddress().getPort())).start()) {
            bot.awaitJoined(room);
            XmppTestClient alice = clients.connect("alice");
            alice.join(room, "alice");

            alice.say(room, "!subscribe");
            alice.awaitMessage("the subscription confirmed", message -> body(message).contains("You will get"));
            // The first fetch of the feed may still be running: the bot then says so, and alice asks again.
            AtomicInteger answers = new AtomicInteger();
            alice.say(room, "!next");
            await("the next event, once the feed has loaded").atMost(Duration.ofSeconds(60)).until(() -> {
                List<String> said = alice.bodiesFrom(room).stream().filter(Objects::nonNull)
                        .filter(text -> text.contains("Next:") || text.contains("still loading")).toList();
                if (said.size() > answers.get() && said.getLast().contains("still loading")) {
                    answers.set(said.size());
                    alice.say(room, "!next");
                }
                return said.stream().anyMatch(text -> text.contains("Next: Release party"));
            });
            alice.say(room, "!agenda 3");
            Message agenda = alice.awaitMessage("the agenda", message -> body(message).contains("Agenda for"));
            assertThat(body(agenda)).contains("Release party").contains("Retrospective");

            Message direct = alice.awaitMessage("the reminder by direct message",
                    message -> message.getType() == Message.Type.chat && body(message).startsWith("⏰ Release party")
                            && !room.equals(message.getFrom().asBareJid()));
            assertThat(direct.getFrom().asBareJid().getLocalpartOrNull()).hasToString(BotUnderTest.ACCOUNT);
            alice.awaitMessage("the reminder in the room", message -> room.equals(message.getFrom().asBareJid())
                    && body(message).startsWith("⏰ Release party"));
        }
    }

    /**
     * An occupant asking to see the bot's presence (RFC 6121 §3.1) is approved, so it can keep the bot in its roster
     * for reminders by direct message; a user who is in none of the bot's rooms is not.
     */
    @Test
    void occupantsOfItsRoomsMayAddTheBotToTheirRoster(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("roster");
        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).room(room, "calendar").dataDirectory(data)
                .pluginConfig("calendar", "daily-agenda: \"\"\n").start()) {
            bot.awaitJoined(room);
            BareJid botJid = JidCreate.bareFrom(BotUnderTest.ACCOUNT + "@" + servers.server().domain());
            XmppTestClient alice = clients.connect("alice");
            XmppTestClient stranger = clients.connect("stranger");
            alice.join(room, "alice");
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.bot().rooms().room(room.toString()).orElseThrow()
                    .occupant("alice").isPresent());

            Roster aliceRoster = Roster.getInstanceFor(alice.connection());
            aliceRoster.createItemAndRequestSubscription(botJid, "Majordome", null);
            Roster strangerRoster = Roster.getInstanceFor(stranger.connection());
            strangerRoster.createItemAndRequestSubscription(botJid, "Majordome", null);

            await().atMost(Duration.ofSeconds(60)).until(() -> aliceRoster.iAmSubscribedTo(botJid));
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(60))
                    .until(() -> !strangerRoster.iAmSubscribedTo(botJid));
        }
    }

    private static String body(Message message) {
        return message.getBody() == null ? "" : message.getBody();
    }
}
