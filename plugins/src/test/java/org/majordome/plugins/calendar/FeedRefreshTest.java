package org.majordome.plugins.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.event.Role;
import org.majordome.plugins.calendar.CalendarConfig.Feed;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestRoom;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** Feeds over HTTP from a loopback server: conditional requests, and broken feeds that must not hurt the others. */
class FeedRefreshTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final Duration LONG = Duration.ofHours(12);

    private final CalendarPlugin plugin = new CalendarPlugin();
    private final AtomicReference<String> good = new AtomicReference<>(
            Feeds.single("standup@example.org", "Standup", "20250102T090000Z"));
    private final AtomicReference<String> flaky = new AtomicReference<>(
            Feeds.single("review@example.org", "Review", "20250103T090000Z"));
    private final AtomicInteger notModified = new AtomicInteger();
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private HttpServer server;
    private PluginTestKit kit;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/good.ics", exchange -> {
            String etag = "\"" + Integer.toHexString(good.get().hashCode()) + "\"";
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().add("ETag", etag);
            respond(exchange, 200, good.get());
        });
        server.createContext("/flaky.ics", exchange -> respond(exchange, 200, flaky.get()));
        server.createContext("/missing.ics", exchange -> respond(exchange, 404, "Not found"));
        server.createContext("/slow.ics", exchange -> {
            try {
                // Holds the answer past the plugin's timeout; released when the test ends.
                releaseSlow.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            respond(exchange, 200, good.get());
        });
        server.start();
        log.start();
        ((Logger) LoggerFactory.getLogger(CalendarPlugin.class)).addAppender(log);
    }

    @AfterEach
    void stop() {
        releaseSlow.countDown();
        if (kit != null) {
            kit.close();
        }
        server.stop(0);
        ((Logger) LoggerFactory.getLogger(CalendarPlugin.class)).detachAppender(log);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private void start(List<Feed> feeds) {
        start(feeds, Duration.ofSeconds(30));
    }

    /**
     * Starts the plugin with this fetch timeout. Only the test of a feed that never answers needs a short one; the
     * others get a long one, because a loaded machine can take more than half a second to answer on loopback.
     */
    private void start(List<Feed> feeds, Duration fetchTimeout) {
        CalendarConfig config = new CalendarConfig(feeds, ZoneOffset.UTC, List.of(Duration.ofMinutes(15)), "", 7,
                LONG, LONG, fetchTimeout, Duration.ofDays(40), Map.of());
        kit = PluginTestKit.builder().plugin(plugin, config).room(LOBBY).start();
        kit.clock().set(Instant.parse("2025-01-01T00:00:00Z"));
        kit.room(LOBBY).join("alice", Role.PARTICIPANT);
    }

    private List<String> warnings() {
        return log.list.stream().map(ILoggingEvent::getFormattedMessage).filter(text -> text.contains("could not be loaded"))
                .toList();
    }

    private String agenda() {
        TestRoom lobby = kit.room(LOBBY);
        lobby.clearActions();
        lobby.say("alice", "!agenda 5");
        return lobby.botSaid().get(0);
    }

    @Test
    void brokenFeedsAreLoggedOncePerStreakAndTheOthersKeepWorking() {
        flaky.set("BEGIN:VCALENDAR\r\nthis is not iCalendar\r\n");
        start(List.of(Feed.of("missing", url("/missing.ics")), Feed.of("broken", url("/flaky.ics")),
                Feed.of("slow", url("/slow.ics")), Feed.of("good", url("/good.ics"))), Duration.ofSeconds(3));

        plugin.refreshFeeds();
        plugin.refreshFeeds();

        assertThat(agenda()).contains("Standup").doesNotContain("Review");
        assertThat(warnings()).hasSize(3).anyMatch(text -> text.contains("'missing'") && text.contains("HTTP 404"))
                .anyMatch(text -> text.contains("'broken'") && text.contains("not readable iCalendar"))
                .anyMatch(text -> text.contains("'slow'") && text.contains("no answer within 3000 ms"));

        flaky.set(Feeds.single("review@example.org", "Review", "20250103T090000Z"));
        plugin.refreshFeeds();
        assertThat(agenda()).contains("Standup").contains("Review");
        assertThat(log.list).anyMatch(event -> event.getFormattedMessage().equals("feed 'broken' loads again"));
    }

    @Test
    void aFailingFeedKeepsItsLastGoodCopyAlsoAcrossARestart() {
        start(List.of(Feed.of("broken", url("/flaky.ics"))));
        plugin.refreshFeeds();
        assertThat(agenda()).contains("Review");

        flaky.set("<html>Server error</html>");
        plugin.refreshFeeds();
        assertThat(agenda()).contains("Review");

        assertThat(kit.restartPlugins()).isEmpty();
        plugin.refreshFeeds();
        assertThat(agenda()).as("the copy kept in storage").contains("Review");
        assertThat(warnings()).hasSizeGreaterThanOrEqualTo(1).allMatch(text -> text.contains("keeping the last good copy"));
    }

    @Test
    void anUnchangedFeedIsNotDownloadedAgain() {
        start(List.of(Feed.of("good", url("/good.ics"))));

        plugin.refreshFeeds();
        plugin.refreshFeeds();
        assertThat(notModified.get()).as("the second fetch sent the ETag and got a 304").isGreaterThanOrEqualTo(1);
        assertThat(agenda()).contains("Standup");

        good.set(Feeds.single("standup@example.org", "Standup moved", "20250102T100000Z"));
        plugin.refreshFeeds();
        assertThat(agenda()).contains("Standup moved");
    }

    /**
     * Regression: the first tick could expand the feeds while their first copy was being stored, and keep that empty
     * expansion for an hour (no "!next", no reminders). Until the first fetch ends the bot now says it is loading.
     */
    @Test
    void aQuestionBeforeTheFirstLoadHearsTheAgendaIsLoadingAndTheAnswerComesOnceItHas() {
        CalendarConfig config = new CalendarConfig(List.of(Feed.of("slow", url("/slow.ics"))), ZoneOffset.UTC,
                List.of(Duration.ofMinutes(15)), "", 7, LONG, LONG, Duration.ofSeconds(20), Duration.ofDays(40), Map.of());
        kit = PluginTestKit.builder().plugin(plugin, config).room(LOBBY).start();
        kit.clock().set(Instant.parse("2025-01-01T00:00:00Z"));
        TestRoom lobby = kit.room(LOBBY);
        lobby.join("alice", Role.PARTICIPANT);

        // The kit's scheduler runs the first refresh at once; the server holds its answer until released.
        lobby.say("alice", "!next");
        assertThat(lobby.botSaid()).last().isEqualTo("The calendars are still loading; ask again in a moment.");
        plugin.tick();

        releaseSlow.countDown();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            lobby.clearActions();
            lobby.say("alice", "!next");
            return lobby.botSaid().stream().anyMatch(text -> text.startsWith("Next: Standup"));
        });
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/calendar; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
