package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.majordome.api.PluginContext;
import org.majordome.api.room.RoomHandle;
import org.majordome.api.storage.KeyValueStore;
import org.majordome.api.storage.PluginStorage;
import org.majordome.plugins.moderation.Enforcer.Outcome;
import org.majordome.plugins.moderation.ModerationConfig.Sanction;
import org.majordome.testkit.PluginTestKit;

/**
 * Issue 15 (the kick path's database work): a case is settled once the server answered in one commit, its pending
 * record with it. Was: a kick's conclusion deleted a pending record it never had, then updated the case, two
 * commits for one answer; a mute's replaced its pending record and updated its case in two transactions.
 */
class CaseSettlementTest {

    private static final String LOBBY = "lobby@conference.example.org";
    private static final Set<String> WRITES = Set.of("put", "delete", "transaction", "transactionResult", "increment",
            "nextSequence");

    private PluginTestKit kit;
    private final AtomicInteger commits = new AtomicInteger();
    private CaseBook book;
    private Sanctions.Services services;
    private RoomHandle room;

    @BeforeEach
    void start() {
        kit = PluginTestKit.builder().plugin(new ModerationPlugin(), ModerationConfig.defaults()).room(LOBBY).start();
        book = new CaseBook(counting(kit.storage("moderation")));
        // What a case needs of the plugin's context: its clock, loggers and (for a mute's end) the real scheduler.
        Clock clock = Clock.fixed(Instant.now(), ZoneOffset.UTC);
        @SuppressWarnings("unchecked")
        PluginContext<ModerationConfig> context = (PluginContext<ModerationConfig>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {PluginContext.class}, (proxy, method, args) -> switch (
                        method.getName()) {
                    case "clock" -> clock;
                    case "logger" -> org.slf4j.helpers.NOPLogger.NOP_LOGGER;
                    case "scheduler" -> kit.scheduler("moderation");
                    case "config" -> ModerationConfig.defaults(); // publishes no bans
                    case "publish" -> true; // a mute's start, for the gate: not what these tests count
                    case "texts" -> new org.majordome.text.TextService(org.majordome.text.TextSettings.english(
                            ZoneOffset.UTC), new org.majordome.text.SenderLanguages(), plugin -> Optional.empty())
                            .forPlugin(new ModerationPlugin());
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        room = (RoomHandle) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {RoomHandle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "roomJid" -> LOBBY;
                    case "title" -> Optional.empty();
                    case "language" -> java.util.Locale.ENGLISH;
                    case "timeZone" -> ZoneOffset.UTC;
                    case "sendPrivate" -> java.util.concurrent.CompletableFuture.completedFuture(
                            org.majordome.api.room.ActionResult.DONE);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        BanPublisher publisher = new BanPublisher(context);
        SanctionExpiry expiry = new SanctionExpiry(context, book, null, publisher);
        services = new Sanctions.Services(context, book, expiry, new Reconciler(context, book, expiry), publisher);
    }

    private CaseInProgress progress(String intended) {
        return new CaseInProgress(services, room, new Offender("nick:raider", "raider", Optional.empty(),
                Optional.empty()), "words", "buy spam", Sanctions.BOT, "words: spam", intended);
    }

    @AfterEach
    void close() {
        kit.close();
    }

    @Test
    void aKickIsSettledInOneCommitWithoutTouchingPendingSanctions() {
        CaseInProgress progress = progress("kick");
        progress.before(Sanction.KICK, Duration.ZERO);
        commits.set(0);

        long number = progress.conclude(new Outcome(Optional.of(Sanction.KICK), Duration.ZERO, "kick", "", false));

        assertThat(commits).hasValue(1);
        assertThat(book.find(LOBBY, number)).get().extracting(ModerationCase::action).isEqualTo("kick");
        assertThat(book.pending(LOBBY)).isEmpty();
    }

    @Test
    void aConfirmedMuteReplacesItsPendingRecordAndSettlesItsCaseInOneCommit() {
        CaseInProgress progress = progress("mute 10m");
        progress.before(Sanction.MUTE, Duration.ofMinutes(10));
        assertThat(book.pending(LOBBY)).singleElement().extracting(PendingSanction::confirmed).isEqualTo(false);
        commits.set(0);

        long number = progress.conclude(new Outcome(Optional.of(Sanction.MUTE), Duration.ofMinutes(10), "mute 10m", "",
                false));

        assertThat(commits).hasValue(1);
        assertThat(book.find(LOBBY, number)).get().extracting(ModerationCase::action).isEqualTo("mute 10m");
        assertThat(book.pending(LOBBY)).singleElement().extracting(PendingSanction::confirmed).isEqualTo(true);
    }

    @Test
    void aRefusedMuteForgetsItsPendingRecordInTheCommitThatMarksItsCase() {
        CaseInProgress progress = progress("mute 10m");
        progress.before(Sanction.MUTE, Duration.ofMinutes(10));
        commits.set(0);

        long number = progress.conclude(new Outcome(Optional.empty(), Duration.ofMinutes(10), "nothing", "", false));

        assertThat(commits).hasValue(1);
        assertThat(book.find(LOBBY, number)).get().extracting(ModerationCase::action).isEqualTo("refused: mute 10m");
        assertThat(book.pending(LOBBY)).isEmpty();
    }

    /** The storage, every call that writes on its own (one commit each) counted. */
    private PluginStorage counting(PluginStorage storage) {
        return (PluginStorage) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {PluginStorage.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("room")) {
                        return countingRoom((KeyValueStore) invoke(method, storage, args));
                    }
                    if (WRITES.contains(method.getName())) {
                        commits.incrementAndGet();
                    }
                    return invoke(method, storage, args);
                });
    }

    private KeyValueStore countingRoom(KeyValueStore store) {
        return (KeyValueStore) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {KeyValueStore.class},
                (proxy, method, args) -> {
                    if (WRITES.contains(method.getName())) {
                        commits.incrementAndGet();
                    }
                    return invoke(method, store, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
