package org.majordome.plugins.moderation;

import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.majordome.plugins.moderation.ModerationConfig.RepetitionRule;

/**
 * The repetition rule: one occupant repeating (nearly) the same text, or a raid, several occupants pasting
 * the same text. Remembers the raid texts of a room (size-capped, swept); guarded by its {@link RoomWatch}.
 */
final class RepetitionWatch {

    /** How many characters of a message are compared. */
    static final int COMPARED_CHARS = 500;
    private static final int MAX_RECENT_TEXTS = 8;
    private static final long[] NO_TRIGRAMS = {};

    private final RepetitionRule rule;
    private final Map<String, Map<String, Instant>> raidTexts = RoomWatch.capped(1_000);

    RepetitionWatch(RepetitionRule rule) {
        this.rule = rule;
    }

    /** @param words the message's first {@link #COMPARED_CHARS} characters, {@link TextNormalizer#words} */
    void check(Offender sender, Activity mine, String words, Instant at, List<Violation> found) {
        if (!rule.enabled()) {
            return;
        }
        String skeleton = words.replace(" ", "");
        if (skeleton.length() < rule.minLength()) {
            return;
        }
        long[] trigrams = rule.similarity() < 1.0 ? trigrams(skeleton) : NO_TRIGRAMS;
        Instant horizon = at.minus(rule.within());
        mine.recent.removeIf(text -> text.at.isBefore(horizon));
        int same = 1;
        for (RecentText text : mine.recent) {
            if (text.skeleton.equals(skeleton)
                    || rule.similarity() < 1.0 && similar(text.trigrams, trigrams, rule.similarity())) {
                same++;
            }
        }
        mine.recent.addLast(new RecentText(skeleton, trigrams, at));
        if (mine.recent.size() > MAX_RECENT_TEXTS) {
            mine.recent.removeFirst();
        }
        if (same >= rule.maxRepeats()) {
            found.add(new Violation("repetition", "the same text " + same + " times within "
                    + RoomWatch.describe(rule.within()), rule.points(), rule.action(), rule.removeMessage(),
                    rule.dryRun()).saying("repetition", Integer.toString(same), rule.within()));
            mine.recent.clear();
        }
        if (skeleton.length() < rule.raidMinLength()) {
            return;
        }
        Map<String, Instant> senders = raidTexts.computeIfAbsent(skeleton, ignored -> new LinkedHashMap<>());
        Instant raidHorizon = at.minus(rule.raidWindow());
        senders.values().removeIf(time -> time.isBefore(raidHorizon));
        senders.put(sender.key(), at);
        if (senders.size() >= rule.raidOccupants()) {
            found.add(new Violation("raid", "the same text from " + senders.size() + " occupants within "
                    + RoomWatch.describe(rule.raidWindow()), rule.points(), rule.action(), true, rule.dryRun())
                    .saying("raid", Integer.toString(senders.size()), rule.raidWindow()));
        }
    }

    /** Forgets the raid texts older than the raid window. */
    void sweep(Instant now) {
        Instant raidHorizon = now.minus(rule.raidWindow());
        raidTexts.values().forEach(senders -> senders.values().removeIf(time -> time.isBefore(raidHorizon)));
        raidTexts.values().removeIf(Map::isEmpty);
    }

    /**
     * The distinct character trigrams of {@code text}, each packed in a long, sorted: compared by one merge
     * pass, without boxing (a set of boxed longs made this rule most of moderation's cost per message).
     */
    static long[] trigrams(String text) {
        int count = Math.max(0, text.length() - 2);
        long[] grams = new long[count];
        for (int i = 0; i < count; i++) {
            grams[i] = ((long) text.charAt(i) << 32) | ((long) text.charAt(i + 1) << 16) | text.charAt(i + 2);
        }
        Arrays.sort(grams);
        int distinct = 0;
        for (int i = 0; i < count; i++) {
            if (distinct == 0 || grams[i] != grams[distinct - 1]) {
                grams[distinct++] = grams[i];
            }
        }
        return distinct == count ? grams : Arrays.copyOf(grams, distinct);
    }

    private static boolean similar(long[] a, long[] b, double similarity) {
        // The smaller set's size over the larger's bounds the similarity: most pairs stop there.
        int smaller = Math.min(a.length, b.length);
        int larger = Math.max(a.length, b.length);
        return smaller >= similarity * larger - 1e-9 && jaccard(a, b) >= similarity;
    }

    /** |a ∩ b| / |a ∪ b| of two sorted sets of distinct trigrams. */
    static double jaccard(long[] a, long[] b) {
        if (a.length == 0 || b.length == 0) {
            return 0;
        }
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }

    /** One recent message of an offender, as compared. */
    record RecentText(String skeleton, long[] trigrams, Instant at) {
    }
}
