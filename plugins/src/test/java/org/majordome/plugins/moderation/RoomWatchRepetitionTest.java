package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The repetition rule's text similarity (trigram Jaccard index), computed on sorted arrays of packed trigrams. */
class RoomWatchRepetitionTest {

    private final RoomWatch watch = new RoomWatch(ModerationConfig.defaults().policyFor("room@example.org"));
    private final Offender alice = new Offender("oid:1", "alice", Optional.empty(), Optional.empty());
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");

    private List<String> rulesBroken(String text) {
        now = now.plusSeconds(5);
        return watch.check(alice, text, List.of(), now).stream().map(Violation::rule).toList();
    }

    @Test
    void nearlyTheSameTextThreeTimesIsARepetition() {
        assertThat(rulesBroken("buy cheap watches at my shop today, best prices in town guaranteed")).isEmpty();
        assertThat(rulesBroken("buy cheap watches at my shop today, best prices in town guaranteed!")).isEmpty();
        // Not the same skeleton as the two before, but close enough (a trigram Jaccard index of 0.89).
        assertThat(rulesBroken("buy cheap watchez at my shop today, best prices in town guaranteed"))
                .contains("repetition");
    }

    @Test
    void differentTextsAreNot() {
        assertThat(rulesBroken("good morning everyone, how are you")).isEmpty();
        assertThat(rulesBroken("did anyone see the match last night")).isEmpty();
        assertThat(rulesBroken("i will be late for the meeting today")).isEmpty();
    }

    @Test
    void theJaccardIndexIsTheOneOfTheTrigramSets() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 500; round++) {
            String a = text(random);
            String b = random.nextBoolean() ? text(random) : a.substring(random.nextInt(a.length() + 1)) + text(random);
            Set<Long> setA = trigramSet(a);
            Set<Long> setB = trigramSet(b);
            Set<Long> common = new HashSet<>(setA);
            common.retainAll(setB);
            double expected = setA.isEmpty() || setB.isEmpty() ? 0
                    : (double) common.size() / (setA.size() + setB.size() - common.size());
            assertThat(RepetitionWatch.jaccard(RepetitionWatch.trigrams(a), RepetitionWatch.trigrams(b))).as("%s / %s", a, b)
                    .isEqualTo(expected);
        }
    }

    @Test
    void theLinkPreCheckLetsThroughEverythingTheLinkPatternCouldMatch() {
        for (String text : List.of("see https://example.org", "HTTP://EXAMPLE.ORG", "go to WwW.example.org now",
                "www.a.b", "x://y")) {
            assertThat(ContentRules.mayHoldLink(text)).as(text).isTrue();
        }
        for (String text : List.of("", "hello there.", "ww.example.org", "www", "http:/example.org", "w.w.w.")) {
            assertThat(ContentRules.mayHoldLink(text)).as(text).isFalse();
        }
    }

    private static String text(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(4)));
        }
        return text.toString();
    }

    private static Set<Long> trigramSet(String text) {
        Set<Long> grams = new HashSet<>();
        for (int i = 0; i + 3 <= text.length(); i++) {
            grams.add(((long) text.charAt(i) << 32) | ((long) text.charAt(i + 1) << 16) | text.charAt(i + 2));
        }
        return grams;
    }
}
