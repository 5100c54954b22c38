package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.majordome.plugins.moderation.ModerationConfig.RuleAction;
import org.majordome.plugins.moderation.ModerationConfig.WordRule;
import org.slf4j.LoggerFactory;

/** The rules alone read a capped prefix of a message through linear-time matchers: hostile input costs little. */
class RoomWatchTimingTest {

    @Test
    void hugeMessagesAndRegexBombsAreCheckedInWellUnderAMillisecond() {
        ModerationConfig defaults = ModerationConfig.defaults();
        WordRule hostile = new WordRule(true, List.of("fuck", "shit", "spam*"), List.of("(a+)+$", "(x|xx)+y", "(.*a){20}"),
                3, RuleAction.LADDER, true, false);
        ModerationConfig.Policy base = defaults.policyFor("room@example.org");
        ModerationConfig.Policy policy = new ModerationConfig.Policy(false, false, false, base.maxExaminedChars(),
                base.pointsDecayEvery(), base.ladder(), base.defaultMute(), base.defaultBan(), base.flood(),
                base.repetition(), hostile, base.links(), base.mentions(), base.caps(), base.nicknames(), base.joinFlood());
        RoomWatch watch = new RoomWatch(policy);
        Offender alice = new Offender("oid:1", "alice", Optional.empty(), Optional.empty());
        String[] messages = {"a".repeat(100_000) + "!", "x".repeat(100_000), "ǎ̸̧".repeat(30_000),
                "hello there, how are you doing today?"};
        Instant now = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < 2_000; i++) {          // warm up
            watch.check(alice, messages[i % messages.length], List.of(), now = now.plusSeconds(5));
        }
        long[] times = new long[400];
        for (int i = 0; i < times.length; i++) {
            long started = System.nanoTime();
            watch.check(alice, messages[i % messages.length], List.of(), now = now.plusSeconds(5));
            times[i] = System.nanoTime() - started;
        }
        Arrays.sort(times);
        LoggerFactory.getLogger(getClass()).info("rule checks of 100 KB / hostile messages: median {} µs, p99 {} µs",
                times[200] / 1_000, times[396] / 1_000);
        assertThat(Duration.ofNanos(times[200])).isLessThan(Duration.ofMillis(1));
    }
}
