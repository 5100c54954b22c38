package org.majordome.room;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.room.ActionResult;
import org.majordome.config.RoomSettings;
import org.majordome.config.RoomState;
import org.majordome.text.Phrase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rooms the configuration declares {@code state: destroyed} (XEP-0045 §10.9): the {@link RoomKeeper} never keeps
 * them; this destroys them at start (once the first session is online) and at the reload that declares them so,
 * each in one log line, and at every configuration check asks each destroyed room whether it exists again: someone
 * recreated it, which is logged once per recreation and left alone (the bot destroys it again at its next start).
 * A room merely removed from the configuration is forgotten here, never destroyed.
 */
final class RetiredRooms {

    private static final Logger log = LoggerFactory.getLogger(RetiredRooms.class);

    /** Where a retired room stands, as far as the bot knows. */
    enum Standing {
        /** To destroy when the session is online (and again after a request that got no answer). */
        PENDING,
        /** Destroyed, or found gone already. */
        GONE,
        /** Someone recreated it after it was gone; logged. */
        RECREATED,
        /** The server refused to destroy it (the bot is no owner...); logged, not tried again until a reload. */
        REFUSED
    }

    private static final class Retired {
        final RoomSettings settings;
        final String cause;
        volatile Standing standing = Standing.PENDING;
        final AtomicBoolean busy = new AtomicBoolean();

        Retired(RoomSettings settings, String cause) {
            this.settings = settings;
            this.cause = cause;
        }
    }

    private final RoomDestroyer destroyer;
    private final Executor executor;
    private final BooleanSupplier online;
    private final Map<EntityBareJid, Retired> declared = java.util.Collections.synchronizedMap(new LinkedHashMap<>());

    /** @param atStart the rooms of the configuration the bot starts with; those declared destroyed are destroyed */
    RetiredRooms(RoomDestroyer destroyer, Executor executor, BooleanSupplier online, List<RoomSettings> atStart) {
        this.destroyer = destroyer;
        this.executor = executor;
        this.online = online;
        destroyedIn(atStart).forEach(room -> declared.put(room.jid(), new Retired(room, "at start")));
    }

    /** The rooms of a configuration the bot keeps: all but those declared destroyed. */
    static List<RoomSettings> kept(List<RoomSettings> rooms) {
        return rooms.stream().filter(room -> !room.state().destroyed()).toList();
    }

    private static List<RoomSettings> destroyedIn(List<RoomSettings> rooms) {
        return rooms.stream().filter(room -> room.state().destroyed()).toList();
    }

    /** The settings of the rooms declared destroyed now, in configuration order. */
    List<RoomSettings> declared() {
        synchronized (declared) {
            return declared.values().stream().map(retired -> retired.settings).toList();
        }
    }

    /**
     * A reloaded configuration: the rooms it declares destroyed and the previous one did not
     * ({@link RoomState#destroyedByReload}) are destroyed, each once the bot has left it when it kept it; rooms no
     * longer declared at all are forgotten, never destroyed.
     *
     * @param leaving the rooms the bot is leaving, by JID: their destruction waits for the goodbye
     * @return what changed: {@code reload.change.destroying} per room
     */
    List<Phrase> declare(List<RoomSettings> rooms, Map<EntityBareJid, CompletableFuture<?>> leaving) {
        List<RoomSettings> newly = RoomState.destroyedByReload(declared(), rooms);
        List<Phrase> changes = new ArrayList<>();
        synchronized (declared) {
            Map<EntityBareJid, Retired> before = new LinkedHashMap<>(declared);
            declared.clear();
            for (RoomSettings room : destroyedIn(rooms)) {
                Retired previous = before.get(room.jid());
                declared.put(room.jid(), previous != null ? previous : new Retired(room, "on configuration reload"));
            }
        }
        for (RoomSettings room : newly) {
            changes.add(Phrase.of("reload.change.destroying", room.jid().toString()));
            Retired retired = declared.get(room.jid());
            leaving.getOrDefault(room.jid(), CompletableFuture.completedFuture(null))
                    .whenComplete((ignored, failure) -> destroyIfPending(retired));
        }
        return changes;
    }

    /** A session is online: destroys the rooms still waiting for it. */
    void online() {
        snapshot().forEach(this::destroyIfPending);
    }

    /**
     * At each configuration check: destroys rooms still pending (a request that got no answer), and asks the
     * destroyed ones whether they exist again.
     */
    void check() {
        for (Retired retired : snapshot()) {
            switch (retired.standing) {
                case PENDING -> destroyIfPending(retired);
                case GONE, RECREATED -> inBackground(retired, () -> watch(retired));
                case REFUSED -> { }
            }
        }
    }

    /**
     * Destroys a room now, for a plugin ({@link org.majordome.api.room.RoomHandle#destroy}); logged like a
     * declared one. The room is not declared destroyed: the next reload or restart keeps it if the file does.
     */
    CompletableFuture<ActionResult> destroyNow(EntityBareJid room, RoomState how, String cause) {
        return CompletableFuture.supplyAsync(() -> destroy(room, how, cause), executor);
    }

    private void destroyIfPending(Retired retired) {
        if (retired.standing == Standing.PENDING && online.getAsBoolean() && declared.get(retired.settings.jid()) == retired) {
            inBackground(retired, () -> {
                if (retired.standing == Standing.PENDING) {
                    ActionResult result = destroy(retired.settings.jid(), retired.settings.state(), retired.cause);
                    retired.standing = result.succeeded() || RoomDestroyer.isGone(result) ? Standing.GONE
                            : result instanceof ActionResult.Refused ? Standing.REFUSED : Standing.PENDING;
                }
            });
        }
    }

    private ActionResult destroy(EntityBareJid room, RoomState how, String cause) {
        ActionResult result = destroyer.destroy(room, how);
        String details = how.details().isEmpty() ? "" : " (" + how.details() + ")";
        if (result.succeeded()) {
            log.info("Room {}: destroyed {}{}", room, cause, details);
        } else if (RoomDestroyer.isGone(result)) {
            log.info("Room {}: to destroy {}, but it is gone already ({})", room, cause, result);
        } else {
            log.warn("Room {}: could not destroy it {}: {}", room, cause, result);
        }
        return result;
    }

    private void watch(Retired retired) {
        RoomDestroyer.Existence existence = destroyer.existence(retired.settings.jid());
        if (existence == RoomDestroyer.Existence.EXISTS && retired.standing == Standing.GONE) {
            retired.standing = Standing.RECREATED;
            log.warn("Room {}: declared destroyed, but someone recreated it; the bot leaves it alone (it destroys it "
                    + "again at its next start)", retired.settings.jid());
        } else if (existence == RoomDestroyer.Existence.GONE && retired.standing == Standing.RECREATED) {
            retired.standing = Standing.GONE;
            log.info("Room {}: destroyed again, as declared", retired.settings.jid());
        }
    }

    /** One request per room at a time, off the caller's thread (Smack's, or the keeper's timer). */
    private void inBackground(Retired retired, Runnable request) {
        if (retired.busy.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    try {
                        request.run();
                    } finally {
                        retired.busy.set(false);
                    }
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                retired.busy.set(false);
            }
        }
    }

    /** Where each declared room stands; for the tests. */
    Map<EntityBareJid, Standing> standings() {
        Map<EntityBareJid, Standing> standings = new LinkedHashMap<>();
        snapshot().forEach(retired -> standings.put(retired.settings.jid(), retired.standing));
        return standings;
    }

    private List<Retired> snapshot() {
        synchronized (declared) {
            return List.copyOf(declared.values());
        }
    }
}
