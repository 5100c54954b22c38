package org.majordome.plugins.it;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import org.awaitility.core.ConditionTimeoutException;
import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.config.ClusterSettings;
import org.majordome.config.DatabaseConnection;
import org.majordome.plugins.testsupport.BotProcess;
import org.majordome.plugins.testsupport.RoomWatch;
import org.majordome.room.RoomStatus;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.CapturedLog;
import org.majordome.testing.PostgresExtension;
import org.majordome.testing.ProsodyExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppServer;
import org.majordome.testing.XmppTestClient;

/**
 * Issue 21, exactly once across a failover: two instances of one bot on a real PostgreSQL, instance b a process of
 * its own holding the room, instance a in this JVM holding nothing. A case is written on b (a forbidden word, a
 * temporary ban); b is killed (SIGKILL) a moment before a notice, a calendar reminder and the daily agenda are due
 * and before the ban ends; once b's lease has run out, a takes the room over. Then a posts the notice and the agenda
 * (their timers fired while a was not yet in the room: they are owed to the room and posted once when a joins) and
 * the reminder, each once; the ban is lifted once (the offender comes back), and {@code !cases} on a lists the case b
 * wrote. The subject, which b rotated every two seconds, goes on rotating under a: a room taken over gets the
 * timers that a's plugins set up for the rooms it held when they started.
 *
 * <p>On Prosody only: the subject is the instances' hand-over through the database (see {@code ClusterIT}).
 */
class ClusterExactlyOnceIT {

    private static final Duration LEASE = Duration.ofSeconds(6);
    private static final Duration WAIT = Duration.ofSeconds(120);
    /** From the start to the moment everything falls due: room for two bots to start on a loaded machine. */
    private static final Duration LEAD = Duration.ofSeconds(100);
    private static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final String NOTICE = "Notice: the garden room closes at six.";
    private static final String AGENDA = "Today, ";

    @RegisterExtension
    static final ProsodyExtension prosody = new ProsodyExtension();

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    @TempDir
    Path work;

    @Test
    void aBanEndingDuringAFailoverIsLiftedOnceAndACaseWrittenBeforeItIsListedAfter(
            TestClients clients) throws Exception {
        XmppServer server = prosody.server();
        DatabaseConnection database = postgres.database();
        EntityBareJid room = server.uniqueRoom("once");
        Instant due = Instant.now().plus(LEAD).truncatedTo(ChronoUnit.SECONDS);
        Path feed = work.resolve("team.ics");
        Files.writeString(feed, ("""
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//Majordome tests//EN
                BEGIN:VEVENT
                UID:meeting@example.org
                DTSTAMP:%1$s
                DTSTART:%2$s
                DURATION:PT30M
                SUMMARY:Team meeting
                END:VEVENT
                END:VCALENDAR
                """).formatted(ICS_UTC.format(Instant.now()), ICS_UTC.format(due.plusSeconds(60))).replace("\n", "\r\n"));
        String plugins = pluginSections(due, feed);
        EntityBareJid boss = JidCreate.entityBareFrom("boss@" + server.domain());

        int healthPort = freePort();
        Path config = BotProcess.writeConfig(server, work.resolve("b"), work.resolve("b-data"), healthPort,
                Duration.ofSeconds(60), """
                          database:
                            url: %s
                            user: %s
                        """.formatted(database.jdbcUrl(), database.user()),
                BotProcess.rooms(List.of(room), "core", "moderation", "notices", "calendar", "topic") + plugins + """
                        cluster:
                          instance: b
                          lease: %ds
                          renew-every: 1s
                        """.formatted(LEASE.toSeconds()));
        Files.writeString(config, Files.readString(config, UTF_8)
                .replace("  tls: disabled\n", "  tls: disabled\n  nick: Majordome-b\n")
                .replace("runtime:\n", "admins: [" + boss + "]\nruntime:\n"), UTF_8);
        try (BotProcess b = BotProcess.start(config, healthPort); CapturedLog logOfA = CapturedLog.of("org.majordome")) {
            try {
                await("b holds the room").atMost(WAIT).until(() -> health(healthPort).contains("acting in 1 room: " + room));
            } catch (ConditionTimeoutException e) {
                String log = b.logText();
                throw new AssertionError("b did not hold the room; the end of its log:\n"
                        + log.substring(Math.max(0, log.length() - 6000)), e);
            }
            BotUnderTest.Builder builder = BotUnderTest.builder(server).nick("Majordome-a").admin(boss)
                    .database(database).cluster(new ClusterSettings("a", LEASE, Duration.ofSeconds(1)))
                    .dataDirectory(work.resolve("a-data")).room(room, "core", "moderation", "notices", "calendar", "topic");
            pluginYaml(plugins).forEach(builder::pluginConfig);
            try (BotUnderTest a = builder.start()) {
                await("a is up").atMost(WAIT).until(() -> a.bot().cluster().orElseThrow().liveInstances().size() == 2);
                XmppTestClient observer = clients.connect("observer");
                RoomWatch watch = RoomWatch.join(observer, List.of(room), "observer");
                XmppTestClient offender = clients.connect("offender");
                offender.join(room, "offender");

                await("a few seconds before everything is due").atMost(LEAD.plus(WAIT))
                        .until(() -> Instant.now().isAfter(due.minusSeconds(5)));
                offender.say(room, "a forbidden word");
                await("b bans the offender").atMost(WAIT).until(() -> count(b.logText(), "Case #1: .* → ban") == 1);
                b.kill();
                Instant killedAt = Instant.now();
                System.out.printf("b killed %d ms before the notice and the reminder were due%n",
                        Duration.between(killedAt, due).toMillis());
                assertThat(killedAt).as("the kill came before everything was due (else the machine was too slow to "
                        + "start two instances within %s)", LEAD).isBefore(due);

                await("a in the room").atMost(WAIT).until(() -> a.bot().rooms().status().stream().anyMatch(status ->
                        status.roomJid().equals(room.toString()) && status.state() == RoomStatus.State.JOINED));
                String subjectWhenATookOver = watch.chat(room).getSubject();
                await("a rotates the subject").atMost(WAIT)
                        .until(() -> !Objects.equals(watch.chat(room).getSubject(), subjectWhenATookOver));
                await("the ban lifted").atMost(WAIT).until(() -> count(b.logText() + logOfA.lines(),
                        "Ban of case #1 ended") >= 1);
                await("the notice posted by a, which took the room over").atMost(WAIT)
                        .until(() -> said(watch, NOTICE) >= 1);
                await("the reminder sent by a").atMost(WAIT).until(() -> said(watch, "⏰ Team meeting") >= 1);
                await("the daily agenda posted by a").atMost(WAIT).until(() -> said(watch, AGENDA) >= 1);
                await("the ban not lifted twice").during(Duration.ofSeconds(8)).atMost(WAIT)
                        .until(() -> count(b.logText() + logOfA.lines(), "Ban of case #1 ended") == 1);
                assertThat(said(watch, NOTICE)).as("the notice, once").isEqualTo(1);
                assertThat(said(watch, "⏰ Team meeting")).as("the reminder, once").isEqualTo(1);
                assertThat(said(watch, AGENDA)).as("the agenda, once").isEqualTo(1);
                assertThat(watch.messagesSince(0).stream().filter(said -> said.body().startsWith(NOTICE)
                        || said.body().startsWith("⏰ Team meeting") || said.body().startsWith(AGENDA))
                        .map(said -> said.nick()).distinct().toList())
                        .as("all said by a").containsOnly("Majordome-a");

                XmppTestClient returning = clients.connectExisting("offender", TestClients.passwordOf("offender"),
                        TestClients.Transport.PLAIN);
                returning.join(room, "offender-again"); // throws if still banned
                XmppTestClient moderator = clients.connect("boss");
                moderator.join(room, "boss");
                moderator.say(room, "!cases");
                // Answered privately; the room's history may show b's ban notice, which names the case too.
                Message cases = moderator.awaitMessage("the cases, privately", message -> message.getBody() != null
                        && message.getType() == Message.Type.chat && message.getBody().contains("#1"));
                assertThat(cases.getFrom().getResourceOrEmpty()).hasToString("Majordome-a");
                assertThat(cases.getBody()).contains("ban");
            }
        }
    }

    /**
     * The plugins' sections: a notice once at {@code due}, a reminder and the daily agenda due then, bans of a few
     * seconds. The calendar's zone puts {@code due} near noon, so that the meeting a minute later is on the agenda's
     * day whatever the time of the run.
     */
    private static String pluginSections(Instant due, Path feed) {
        DateTimeFormatter cron = DateTimeFormatter.ofPattern("s m H d M '?' yyyy").withZone(ZoneOffset.UTC);
        ZoneOffset calendarZone = ZoneOffset.ofHours(12 - due.atZone(ZoneOffset.UTC).getHour());
        return """
                plugins:
                  moderation:
                    default-ban: 8s
                    flood: {enabled: false}
                    words: {words: [forbidden], action: ban}
                  notices:
                    notices:
                      - name: closing
                        text: "%s"
                        schedule: "%s"
                        catch-up: once
                  calendar:
                    feeds:
                      - name: team
                        source: %s
                    zone: "%s"
                    reminders: [60s]
                    daily-agenda: "%s"
                    tick: 1s
                  topic:
                    subjects: ["Rotation one", "Rotation two"]
                    schedule: "0/2 * * * * ?"
                    pause-after-manual: 1s
                """.formatted(NOTICE, cron.format(due), feed.toAbsolutePath(), calendarZone.getId(),
                cron.withZone(calendarZone).format(due));
    }

    /** Each plugin's section of {@link #pluginSections}, for the instance in this JVM. */
    private static java.util.Map<String, String> pluginYaml(String sections) {
        java.util.Map<String, String> byPlugin = new java.util.LinkedHashMap<>();
        String current = null;
        StringBuilder body = new StringBuilder();
        for (String line : sections.lines().toList()) {
            if (line.startsWith("  ") && !line.startsWith("    ")) {
                if (current != null) {
                    byPlugin.put(current, body.toString());
                }
                current = line.strip().replace(":", "");
                body.setLength(0);
            } else if (line.startsWith("    ")) {
                body.append(line.substring(4)).append('\n');
            }
        }
        byPlugin.put(current, body.toString());
        return byPlugin;
    }

    private static long said(RoomWatch watch, String start) {
        return watch.messagesSince(0).stream().filter(said -> said.nick().startsWith("Majordome-")
                && said.body().startsWith(start)).count();
    }

    private static long count(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().count();
    }

    private static String health(int port) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/health/ready")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
