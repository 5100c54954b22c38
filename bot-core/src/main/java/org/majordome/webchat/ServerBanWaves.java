package org.majordome.webchat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The visitors one server-side ban removed at once. An XMPP client bans by the account's bare JID (Prosody refuses a
 * full one), and the server then removes every occupant of that account (XEP-0045 §9.1, status 301), so the
 * visitors it removes within a moment of each other are one ban: when it removed one visitor, that one was meant;
 * when it removed several, nobody can tell which, and banning them all would ban every visitor, which is what a
 * shared account must never do.
 */
final class ServerBanWaves {

    /** How long after the first removal others count as the same ban (the server sends them together). */
    static final Duration WINDOW = Duration.ofSeconds(1);

    /** One visitor the server removed with a ban. */
    record Hit(String resource, Visitor.Identity who, String affiliation, String by, String reason) {
    }

    private final ScheduledExecutorService timer;
    private final Duration window;
    private final Map<String, Wave> open = new HashMap<>();

    private static final class Wave {
        private final List<Hit> hits = new ArrayList<>();
        private final CompletableFuture<List<Hit>> closed = new CompletableFuture<>();
    }

    ServerBanWaves(ScheduledExecutorService timer, Duration window) {
        this.timer = timer;
        this.window = window;
    }

    /** Adds a removal in {@code room}; the answer completes with every removal of the same ban, in order. */
    synchronized CompletableFuture<List<Hit>> add(String room, Hit hit) {
        Wave wave = open.get(room);
        if (wave == null) {
            Wave fresh = new Wave();
            open.put(room, fresh);
            timer.schedule(() -> close(room, fresh), window.toMillis(), TimeUnit.MILLISECONDS);
            wave = fresh;
        }
        wave.hits.add(hit);
        return wave.closed;
    }

    private void close(String room, Wave wave) {
        List<Hit> hits;
        synchronized (this) {
            open.remove(room, wave);
            hits = List.copyOf(wave.hits);
        }
        wave.closed.complete(hits);
    }
}
