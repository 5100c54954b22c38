package org.majordome.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.storage.KeyValueStore;
import org.majordome.api.storage.PluginStorage;
import org.majordome.api.storage.StorageException;
import org.majordome.api.storage.Transaction;
import org.majordome.api.storage.ValueCodec;

/**
 * What plugin storage promises on every database the bot runs on: {@link PluginStorageTest} runs it on the embedded
 * H2, {@code PostgresPluginStorageIT} on a real PostgreSQL.
 */
abstract class PluginStorageContract {

    protected Database database;
    protected StorageService storage;

    /** Where the database of one test is: a fresh, empty one per test; the same again when asked again. */
    protected abstract DatabaseSettings settings();

    @BeforeEach
    void open() {
        database = Database.open(settings());
        storage = new StorageService(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void storesReadsReplacesAndDeletesEntries() {
        PluginStorage karma = storage.forPlugin("karma");

        assertThat(karma.get("alice")).isEmpty();
        karma.put("alice", "3");
        karma.put("alice", "4");
        assertThat(karma.get("alice")).contains("4");
        assertThat(karma.delete("alice")).isTrue();
        assertThat(karma.delete("alice")).isFalse();
        assertThat(karma.get("alice")).isEmpty();
    }

    @Test
    void listsKeysByPrefixInOrderTreatingLikeWildcardsLiterally() {
        PluginStorage notes = storage.forPlugin("notes");
        notes.put("user:bob", "b");
        notes.put("user:alice", "a");
        notes.put("user_x", "wildcard");
        notes.put("userXx", "not under user_");
        notes.put("other", "o");

        assertThat(notes.keys("user:")).containsExactly("user:alice", "user:bob");
        assertThat(notes.keys("user_")).containsExactly("user_x");
        assertThat(notes.keys("")).containsExactly("other", "user:alice", "user:bob", "userXx", "user_x");
        assertThat(notes.entries("user:")).containsExactly(
                java.util.Map.entry("user:alice", "a"), java.util.Map.entry("user:bob", "b"));
    }

    @Test
    void keepsPluginsAndRoomsApart() {
        PluginStorage karma = storage.forPlugin("karma");
        PluginStorage welcome = storage.forPlugin("welcome");
        KeyValueStore karmaInLobby = karma.room("lobby@conference.example.org");
        KeyValueStore karmaInDev = karma.room("dev@conference.example.org");

        karma.put("k", "plugin-wide");
        welcome.put("k", "other plugin");
        karmaInLobby.put("k", "lobby");
        karmaInDev.put("k", "dev");

        assertThat(karma.get("k")).contains("plugin-wide");
        assertThat(welcome.get("k")).contains("other plugin");
        assertThat(karmaInLobby.get("k")).contains("lobby");
        assertThat(karmaInDev.get("k")).contains("dev");
        assertThat(storage.forPlugin("welcome").room("lobby@conference.example.org").get("k")).isEmpty();
        assertThat(karma.room("Lobby@Conference.Example.org").get("k")).as("room JIDs compare in lower case")
                .contains("lobby");
        assertThat(karma.keys("")).containsExactly("k");

        karmaInLobby.delete("k");
        assertThat(karma.get("k")).contains("plugin-wide");
        assertThat(karmaInDev.get("k")).contains("dev");
    }

    @Test
    void commitsATransactionAsAWhole() {
        PluginStorage moderation = storage.forPlugin("moderation");

        long caseNumber = moderation.transactionResult(tx -> {
            long number = tx.nextSequence("case");
            tx.put("case:" + number, "{\"offender\":\"mallory\"}");
            tx.increment("points:mallory", 2);
            return number;
        });

        assertThat(caseNumber).isEqualTo(1);
        assertThat(moderation.get("case:1")).contains("{\"offender\":\"mallory\"}");
        assertThat(moderation.get("points:mallory", ValueCodec.LONG)).contains(2L);
    }

    @Test
    void rollsBackEverythingWhenTheTransactionThrows() {
        PluginStorage moderation = storage.forPlugin("moderation");
        moderation.put("kept", "before");

        assertThatThrownBy(() -> moderation.transaction(tx -> {
            tx.put("kept", "changed");
            tx.put("new", "value");
            tx.increment("points", 5);
            tx.nextSequence("case");
            throw new IllegalStateException("plugin bug");
        })).isInstanceOf(IllegalStateException.class).hasMessage("plugin bug");

        assertThat(moderation.get("kept")).contains("before");
        assertThat(moderation.get("new")).isEmpty();
        assertThat(moderation.get("points")).isEmpty();
        assertThat(moderation.nextSequence("case")).as("the rolled back number is handed out again").isEqualTo(1);
    }

    @Test
    void aTransactionSeesItsOwnWritesAndANestedOneJoinsIt() {
        PluginStorage plugin = storage.forPlugin("p");

        assertThatThrownBy(() -> plugin.transaction(tx -> {
            tx.put("a", "1");
            assertThat(tx.get("a")).contains("1");
            plugin.room("room@muc.example.org").put("b", "2");
            plugin.put("c", "3");
            assertThat(plugin.get("c")).as("a plain read on the same thread joins the transaction").contains("3");
            throw new IllegalArgumentException("roll back all three");
        })).isInstanceOf(IllegalArgumentException.class);

        assertThat(plugin.get("a")).isEmpty();
        assertThat(plugin.room("room@muc.example.org").get("b")).isEmpty();
        assertThat(plugin.get("c")).isEmpty();
    }

    @Test
    void refusesATransactionUsedAfterItEnded() {
        PluginStorage plugin = storage.forPlugin("p");
        AtomicReference<Transaction> escaped = new AtomicReference<>();

        plugin.transaction(escaped::set);

        assertThatThrownBy(() -> escaped.get().put("late", "x"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("has ended");
        assertThat(plugin.get("late")).isEmpty();
    }

    @Test
    void numbersSequencesPerNameAndNamespace() {
        PluginStorage moderation = storage.forPlugin("moderation");
        KeyValueStore lobby = moderation.room("lobby@muc.example.org");
        KeyValueStore dev = moderation.room("dev@muc.example.org");

        assertThat(List.of(lobby.nextSequence("case"), lobby.nextSequence("case"), lobby.nextSequence("case")))
                .containsExactly(1L, 2L, 3L);
        assertThat(dev.nextSequence("case")).isEqualTo(1);
        assertThat(lobby.nextSequence("warning")).isEqualTo(1);
        assertThat(lobby.get("case")).as("sequences are not entries").isEmpty();
    }

    @Test
    void countsConcurrentIncrementsWithoutLosingAny() throws Exception {
        PluginStorage karma = storage.forPlugin("karma");
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new java.util.ArrayList<>();
            for (int thread = 0; thread < 4; thread++) {
                done.add(threads.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        karma.transaction(tx -> {
                            long current = tx.get("bob", ValueCodec.LONG).orElse(0L);
                            tx.put("bob", current + 1, ValueCodec.LONG);
                        });
                        karma.increment("alice", -1);
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }

        assertThat(karma.get("bob", ValueCodec.LONG)).contains(100L);
        assertThat(karma.get("alice", ValueCodec.LONG)).contains(-100L);
    }

    @Test
    void keepsDataAcrossReopening() {
        storage.forPlugin("calendar").put("next", Instant.parse("2030-01-02T03:04:05Z"), ValueCodec.INSTANT);
        database.close();

        database = Database.open(settings());
        storage = new StorageService(database);

        assertThat(storage.forPlugin("calendar").get("next", ValueCodec.INSTANT))
                .contains(Instant.parse("2030-01-02T03:04:05Z"));
    }

    @Test
    void rejectsBadKeysValuesAndIds() {
        PluginStorage plugin = storage.forPlugin("p");

        assertThatThrownBy(() -> plugin.put("", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> plugin.put("k", null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("use delete");
        assertThatThrownBy(() -> plugin.put("k".repeat(501), "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> storage.forPlugin("a/b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'a/b'");
        assertThatThrownBy(() -> plugin.room("room@muc.example.org/nick"))
                .isInstanceOf(IllegalArgumentException.class);
        plugin.put("text", "not a number");
        assertThatThrownBy(() -> plugin.increment("text", 1)).isInstanceOf(StorageException.class)
                .hasMessageContaining("not a counter");
    }
}
