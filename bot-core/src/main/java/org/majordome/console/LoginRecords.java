package org.majordome.console;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the console keeps one kind of login record (its links, or its sessions) by the hash of its token: in memory
 * ({@link #inMemory()}), or in the bot's database ({@link DatabaseLoginRecords}), which holds them across a restart
 * and for every instance of a cluster. The rules (expiry, one use, limits) are {@link LoginLinks}' and
 * {@link Sessions}'.
 */
interface LoginRecords {

    /**
     * One record.
     *
     * @param jid     whose it is (a bare JID)
     * @param csrf    a session's CSRF token; empty for a link
     * @param expires when it ends by itself
     */
    record Entry(String jid, String csrf, Instant expires) {
    }

    void put(String hash, Entry entry);

    Optional<Entry> get(String hash);

    /** Removes the record, and returns it only to the one caller that removed it (one use across instances). */
    Optional<Entry> take(String hash);

    /** Drops the records expired at {@code now}, then the soonest to expire beyond {@code cap}; returns those left. */
    int prune(Instant now, int cap);

    /** Records of this process only: a restart forgets them. */
    static LoginRecords inMemory() {
        Map<String, Entry> byHash = new ConcurrentHashMap<>();
        return new LoginRecords() {
            @Override
            public void put(String hash, Entry entry) {
                byHash.put(hash, entry);
            }

            @Override
            public Optional<Entry> get(String hash) {
                return Optional.ofNullable(byHash.get(hash));
            }

            @Override
            public Optional<Entry> take(String hash) {
                return Optional.ofNullable(byHash.remove(hash));
            }

            @Override
            public int prune(Instant now, int cap) {
                byHash.values().removeIf(entry -> !now.isBefore(entry.expires()));
                while (byHash.size() > cap) {
                    byHash.entrySet().stream().min(Map.Entry.comparingByValue(Comparator.comparing(Entry::expires)))
                            .ifPresent(oldest -> byHash.remove(oldest.getKey()));
                }
                return byHash.size();
            }
        };
    }
}
