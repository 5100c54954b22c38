package org.majordome.api.storage;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operations of one storage namespace (a plugin, or a plugin in one room), shared by a
 * {@link KeyValueStore} (each call its own transaction) and a {@link Transaction} (all calls in one).
 *
 * <p>Keys are 1 to {@value #MAX_KEY_LENGTH} characters; values at most {@value #MAX_VALUE_LENGTH}
 * characters. Keys are compared exactly (case matters).
 */
public interface StorageOperations {

    int MAX_KEY_LENGTH = 500;
    int MAX_VALUE_LENGTH = 1_000_000;

    /** The value stored under {@code key}, or empty. */
    Optional<String> get(String key);

    /** Stores {@code value} under {@code key}, replacing any previous value. */
    void put(String key, String value);

    /** Removes {@code key}; returns whether there was something to remove. */
    boolean delete(String key);

    /** The keys that start with {@code prefix} ({@code ""} for all), in ascending order. */
    default List<String> keys(String prefix) {
        return List.copyOf(entries(prefix).keySet());
    }

    /** The entries whose key starts with {@code prefix}, ordered by key. */
    Map<String, String> entries(String prefix);

    /**
     * Adds {@code delta} to the counter stored under {@code key} (absent counts as 0) and returns the new
     * value. The counter is an ordinary entry holding a decimal number, readable with {@link #get} and
     * {@link ValueCodec#LONG}.
     *
     * @throws StorageException if the entry exists and does not hold a whole number
     */
    long increment(String key, long delta);

    /**
     * The next number of the sequence {@code name}: 1, then 2, 3... Numbers are never handed out twice,
     * even across restarts; a number taken in a transaction that rolls back is given out again.
     * Sequences are separate from entries (a sequence and a key may share a name).
     */
    long nextSequence(String name);

    /** The value under {@code key} decoded with {@code codec}, or empty. */
    default <T> Optional<T> get(String key, ValueCodec<T> codec) {
        return get(key).map(codec::decode);
    }

    /** Stores {@code value} encoded with {@code codec}. */
    default <T> void put(String key, T value, ValueCodec<T> codec) {
        put(key, codec.encode(value));
    }
}
