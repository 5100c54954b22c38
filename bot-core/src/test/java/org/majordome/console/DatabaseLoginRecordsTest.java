package org.majordome.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.store.Database;
import org.majordome.store.DatabaseSettings;
import org.majordome.testkit.TestClock;

/**
 * The console's links and sessions in the bot's database: two instances sharing it (two {@link Logins}' worth of
 * links and sessions over one database) see the same ones, a link is used once whichever instance is asked, and a
 * session outlives a restart.
 */
class DatabaseLoginRecordsTest {

    private final TestClock clock = new TestClock();
    private final Tokens tokens = new Tokens(new SecureRandom());

    @TempDir
    Path data;

    private LoginLinks links(Database database) {
        return new LoginLinks(tokens, clock, Duration.ofMinutes(5), LoginStore.in(database).links);
    }

    private Sessions sessions(Database database) {
        return new Sessions(tokens, clock, Duration.ofHours(8), LoginStore.in(database).sessions);
    }

    @Test
    void aLinkSentByOneInstanceLogsInThroughAnotherOnce() {
        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            LoginLinks a = links(database);
            LoginLinks b = links(database);
            String token = a.issue("ann@example.org");

            assertThat(b.peek(token)).contains("ann@example.org");
            assertThat(b.redeem(token)).contains("ann@example.org");
            assertThat(a.redeem(token)).isEmpty();
            assertThat(a.pending()).isZero();
        }
    }

    @Test
    void twoInstancesRedeemingOneLinkAtOnceLogInOnlyOnce() throws Exception {
        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                for (int round = 0; round < 20; round++) {
                    String token = links(database).issue("ann@example.org");
                    List<Callable<Boolean>> redeemers = new ArrayList<>();
                    for (int i = 0; i < 8; i++) {
                        LoginLinks instance = links(database);
                        redeemers.add(() -> instance.redeem(token).isPresent());
                    }
                    long loggedIn = 0;
                    for (Future<Boolean> redeemed : pool.invokeAll(redeemers)) {
                        loggedIn += redeemed.get() ? 1 : 0;
                    }
                    assertThat(loggedIn).as("round %d", round).isOne();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aSessionIsFoundOnEveryInstanceEndedOnAllByOneLogoutAndExpires() {
        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            Sessions a = sessions(database);
            Sessions b = sessions(database);
            Sessions.Started ann = a.start("ann@example.org");
            Sessions.Started bob = a.start("bob@example.org");

            assertThat(b.find(ann.cookie())).contains(ann.session());
            b.end(ann.cookie());
            assertThat(a.find(ann.cookie())).isEmpty();

            clock.advance(Duration.ofHours(8));
            assertThat(b.find(bob.cookie())).isEmpty();
            assertThat(a.active()).isZero();
        }
    }

    @Test
    void aSessionOutlivesARestart() {
        Sessions.Started ann;
        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            ann = sessions(database).start("ann@example.org");
        }
        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            assertThat(sessions(database).find(ann.cookie())).contains(ann.session());
        }
    }

    @Test
    void beyondTheCapTheSoonestToExpireGoFirst() {
        try (Database database = Database.open(DatabaseSettings.embedded(data))) {
            LoginRecords records = LoginStore.in(database).sessions;
            for (int i = 0; i < 5; i++) {
                records.put("hash-" + i, new LoginRecords.Entry("ann@example.org", "csrf",
                        TestClock.START.plus(Duration.ofMinutes(10 - i))));
            }

            assertThat(records.prune(TestClock.START, 3)).isEqualTo(3);
            assertThat(records.get("hash-0")).as("the last to expire stays").isPresent();
            assertThat(records.get("hash-4")).isEmpty();
            assertThat(records.get("hash-3")).isEmpty();
            assertThat(LoginStore.in(database).links.prune(TestClock.START, 3)).as("links are apart").isZero();
        }
    }
}
