package org.majordome.plugins.moderation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * A block list's hashes in memory, compactly: each SHA-256 hash is kept as its first 64 bits (a fingerprint) in
 * one open-addressed {@code long[]} with linear probing, grown at 70 % load; about 17 bytes per entry at a
 * million entries (see the moderation benchmark), against some 150 for a {@code HashSet<String>} of the hex ids.
 *
 * <p>Two different addresses share a fingerprint with probability 2<sup>-64</sup> per pair: with a million
 * entries a chance match costs an attacker some 2<sup>44</sup> hashes per address to forge, and gains them only
 * a ban of an address they made themselves. Lookups ask for no I/O: the join path hashes the JID and probes.
 * Thread-safe: one lock, held for a probe (nanoseconds) or an update.
 */
final class FingerprintSet {

    private static final double MAX_LOAD = 0.7;
    private static final int MIN_CAPACITY = 16;
    /** The empty slot; a fingerprint that happens to be 0 is stored as 1. */
    private static final long EMPTY = 0L;
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    private long[] slots;
    private int size;

    FingerprintSet() {
        this(0);
    }

    /** A set sized for {@code expected} entries without growing. */
    FingerprintSet(int expected) {
        slots = new long[capacityFor(expected)];
    }

    /** A set of these item ids (those that are not SHA-256 hex are skipped). */
    static FingerprintSet of(Collection<String> itemIds) {
        FingerprintSet set = new FingerprintSet(itemIds.size());
        itemIds.forEach(set::add);
        return set;
    }

    /** The fingerprint of a hex SHA-256 item id; empty when it is not 64 hex digits. */
    static OptionalLong fingerprintOfItem(String itemId) {
        if (itemId == null || itemId.length() != 64) {
            return OptionalLong.empty();
        }
        for (int i = 0; i < 64; i++) {
            if (Character.digit(itemId.charAt(i), 16) < 0) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(nonEmpty(Long.parseUnsignedLong(itemId, 0, 16, 16)));
    }

    /** The fingerprint of an address (a bare JID or a domain), as block lists hash it: SHA-256 of its text. */
    static long fingerprintOf(String address) {
        byte[] digest = SHA256.get().digest(address.getBytes(StandardCharsets.UTF_8));
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (digest[i] & 0xFF);
        }
        return nonEmpty(value);
    }

    /** The lowercase hex SHA-256 of an address: the item id a list publishes for it. */
    static String itemIdOf(String address) {
        return HexFormat.of().formatHex(SHA256.get().digest(address.getBytes(StandardCharsets.UTF_8)));
    }

    /** Adds an item id; false when it is not a SHA-256 hex id or was there already. */
    boolean add(String itemId) {
        OptionalLong fingerprint = fingerprintOfItem(itemId);
        return fingerprint.isPresent() && add(fingerprint.getAsLong());
    }

    boolean remove(String itemId) {
        OptionalLong fingerprint = fingerprintOfItem(itemId);
        return fingerprint.isPresent() && remove(fingerprint.getAsLong());
    }

    synchronized boolean add(long fingerprint) {
        if (size + 1 > slots.length * MAX_LOAD) {
            resize(slots.length * 2);
        }
        int i = indexOf(fingerprint, slots);
        if (slots[i] == fingerprint) {
            return false;
        }
        slots[i] = fingerprint;
        size++;
        return true;
    }

    synchronized boolean contains(long fingerprint) {
        return slots[indexOf(fingerprint, slots)] == fingerprint;
    }

    /** Removes with backward shifting (no tombstones), so that a list's churn never slows lookups. */
    synchronized boolean remove(long fingerprint) {
        int mask = slots.length - 1;
        int hole = indexOf(fingerprint, slots);
        if (slots[hole] != fingerprint) {
            return false;
        }
        slots[hole] = EMPTY;
        size--;
        for (int i = (hole + 1) & mask; slots[i] != EMPTY; i = (i + 1) & mask) {
            int home = home(slots[i], mask);
            // Move the entry back into the hole unless its home lies cyclically in (hole, i].
            boolean stays = hole <= i ? hole < home && home <= i : hole < home || home <= i;
            if (!stays) {
                slots[hole] = slots[i];
                slots[i] = EMPTY;
                hole = i;
            }
        }
        return true;
    }

    synchronized int size() {
        return size;
    }

    /** The table's slots (a power of two), for the memory benchmark. */
    synchronized int capacity() {
        return slots.length;
    }

    private void resize(int capacity) {
        long[] grown = new long[capacity];
        for (long fingerprint : slots) {
            if (fingerprint != EMPTY) {
                grown[indexOf(fingerprint, grown)] = fingerprint;
            }
        }
        slots = grown;
    }

    /** The slot holding the fingerprint, or the empty slot where it would go. */
    private static int indexOf(long fingerprint, long[] table) {
        int mask = table.length - 1;
        int i = home(fingerprint, mask);
        while (table[i] != EMPTY && table[i] != fingerprint) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** SHA-256 bits are uniform already: the low bits are the home slot. */
    private static int home(long fingerprint, int mask) {
        return (int) (fingerprint ^ (fingerprint >>> 32)) & mask;
    }

    private static int capacityFor(int expected) {
        int capacity = MIN_CAPACITY;
        while (capacity * MAX_LOAD < expected) {
            capacity <<= 1;
        }
        return capacity;
    }

    private static long nonEmpty(long fingerprint) {
        return fingerprint == EMPTY ? 1L : fingerprint;
    }
}
