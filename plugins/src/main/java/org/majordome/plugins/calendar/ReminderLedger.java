package org.majordome.plugins.calendar;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.majordome.api.storage.KeyValueStore;
import org.majordome.plugins.calendar.Occurrence.InstanceId;

/**
 * What was already sent to whom, in the plugin's storage, so that a reminder goes out once per event instance,
 * offset and recipient whatever the refreshes and restarts.
 *
 * <p>{@code sent/<target>/<instance>/<offset seconds>} marks a reminder as sent (its value, the instance's start
 * then, lets old entries be swept). {@code reminded/<target>/<instance>} remembers the instance as the recipient
 * last heard of it, to tell them when it moves or is cancelled. A target is {@code room:<room JID>} or
 * {@code user:<bare JID>}; an instance is a hash of its feed, UID and original start.
 */
final class ReminderLedger {

    private static final String SENT = "sent/";
    private static final String REMINDED = "reminded/";
    private static final char SEPARATOR = '\u001f';

    private final KeyValueStore store;

    ReminderLedger(KeyValueStore store) {
        this.store = store;
    }

    static String roomTarget(String roomJid) {
        return "room:" + roomJid;
    }

    static String userTarget(String bareJid) {
        return "user:" + bareJid;
    }

    /**
     * Marks the offsets as sent for this target and instance, in one transaction; returns those not sent before.
     * A reminder is written down before it goes out: after a crash in between it is lost rather than repeated.
     */
    List<Duration> claim(String target, Occurrence occurrence, List<Duration> offsets) {
        String prefix = SENT + target + "/" + hash(occurrence.id()) + "/";
        return store.transactionResult(tx -> {
            List<Duration> claimed = new ArrayList<>();
            for (Duration offset : offsets) {
                String key = prefix + offset.toSeconds();
                if (tx.get(key).isEmpty()) {
                    tx.put(key, occurrence.start().toString());
                    claimed.add(offset);
                }
            }
            return claimed;
        });
    }

    /** Remembers that the target heard of the instance as it is now. */
    void remember(String target, Occurrence occurrence) {
        store.put(REMINDED + target + "/" + hash(occurrence.id()), encode(occurrence));
    }

    /**
     * Records that the target is told of a change to an instance they were reminded of: it moved ({@code latest})
     * or was cancelled (empty). Returns false when somebody recorded it first: every instance of a cluster ticks for
     * the same subscribers, and the one whose record commits first is the one that tells them.
     */
    boolean settle(Reminded reminded, Optional<Occurrence> latest) {
        return store.transactionResult(tx -> {
            Optional<Reminded> now = tx.get(reminded.key()).flatMap(value -> parse(reminded.key(), value));
            if (now.isEmpty() || !now.get().start().equals(reminded.start())) {
                return false;
            }
            latest.ifPresentOrElse(occurrence -> tx.put(reminded.key(), encode(occurrence)),
                    () -> tx.delete(reminded.key()));
            return true;
        });
    }

    private static String encode(Occurrence occurrence) {
        return String.join(String.valueOf(SEPARATOR), occurrence.feed(), occurrence.uid(),
                occurrence.instance().toString(), occurrence.start().toString(), String.valueOf(occurrence.allDay()),
                occurrence.summary());
    }

    /** The instances the target was reminded of, as it heard of them. */
    List<Reminded> reminded(String target) {
        String prefix = REMINDED + target + "/";
        List<Reminded> found = new ArrayList<>();
        for (Map.Entry<String, String> entry : store.entries(prefix).entrySet()) {
            parse(entry.getKey(), entry.getValue()).ifPresentOrElse(found::add, () -> store.delete(entry.getKey()));
        }
        return found;
    }

    /** Deletes what concerns instances that started before {@code before}. */
    void sweep(Instant before) {
        for (Map.Entry<String, String> entry : store.entries(SENT).entrySet()) {
            if (startedBefore(entry.getValue(), before)) {
                store.delete(entry.getKey());
            }
        }
        for (Map.Entry<String, String> entry : store.entries(REMINDED).entrySet()) {
            Optional<Reminded> reminded = parse(entry.getKey(), entry.getValue());
            if (reminded.isEmpty() || reminded.get().start().isBefore(before)) {
                store.delete(entry.getKey());
            }
        }
    }

    /** An instance as a target last heard of it. */
    record Reminded(String key, InstanceId id, Instant start, boolean allDay, String summary) {
    }

    private static Optional<Reminded> parse(String key, String value) {
        String[] parts = value.split(String.valueOf(SEPARATOR), 6);
        if (parts.length != 6) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Reminded(key, new InstanceId(parts[0], parts[1], Instant.parse(parts[2])),
                    Instant.parse(parts[3]), Boolean.parseBoolean(parts[4]), parts[5]));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean startedBefore(String value, Instant before) {
        try {
            return Instant.parse(value).isBefore(before);
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** A short stable name for an instance: UIDs can be long and contain anything. */
    private static String hash(InstanceId id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((id.feed() + "\n" + id.uid() + "\n"
                    + id.instance()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
