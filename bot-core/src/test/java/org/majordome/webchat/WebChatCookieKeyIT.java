package org.majordome.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.majordome.api.storage.KeyValueStore;
import org.majordome.config.DatabaseConnection;
import org.majordome.store.Database;
import org.majordome.store.DatabaseSettings;
import org.majordome.store.StorageService;
import org.majordome.testing.PostgresExtension;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * Several instances of the bot on one real PostgreSQL (a cluster) serve the web chat with one cookie key: a visitor
 * whose page was served by one instance and whose socket lands on another keeps their identity, and so their bans.
 * The key is made by whichever instance starts first; two starting at once each made their own and wrote it, and the
 * one whose key was overwritten refused every cookie the other signed until it restarted.
 */
@Proves(Feature.WEB_CHAT)
class WebChatCookieKeyIT {

    @RegisterExtension
    static final PostgresExtension postgres = new PostgresExtension();

    private static final int ROUNDS = 20;

    @Test
    void twoInstancesStartingAtOnceSignedCookiesWithDifferentKeys() throws Exception {
        DatabaseConnection connection = postgres.newDatabase("cookies");
        try (Database databaseA = open(connection); Database databaseB = open(connection)) {
            StorageService a = new StorageService(databaseA);
            StorageService b = new StorageService(databaseB);
            for (int round = 0; round < ROUNDS; round++) {
                String namespace = WebChat.STORAGE + "-" + round;
                CyclicBarrier together = new CyclicBarrier(2);
                CompletableFuture<VisitorIds> first = CompletableFuture.supplyAsync(
                        () -> startingAt(together, a.forPlugin(namespace)));
                CompletableFuture<VisitorIds> second = CompletableFuture.supplyAsync(
                        () -> startingAt(together, b.forPlugin(namespace)));
                VisitorIds onA = first.get();
                VisitorIds onB = second.get();
                assertThat(onB.verify(onA.issue())).as("round %d: a cookie of A read by B", round).isPresent();
                assertThat(onA.verify(onB.issue())).as("round %d: a cookie of B read by A", round).isPresent();
            }
        }
    }

    private static VisitorIds startingAt(CyclicBarrier together, KeyValueStore store) {
        try {
            together.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return VisitorIds.kept(store, new SecureRandom());
    }

    private static Database open(DatabaseConnection connection) {
        return Database.open(DatabaseSettings.jdbc(connection.jdbcUrl(), connection.user(), null));
    }
}
