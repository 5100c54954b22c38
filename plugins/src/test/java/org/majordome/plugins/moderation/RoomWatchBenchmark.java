package org.majordome.plugins.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.majordome.plugins.moderation.ModerationConfig.RuleAction;
import org.majordome.plugins.moderation.ModerationConfig.WordRule;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The moderation rules alone on hostile input: a capped prefix of each message goes through linear-time
 * matchers, so a 100 KB message or a regex bomb costs about what an ordinary message does. Run with
 * {@code mvn -B -pl plugins -am -Pbench verify -Dbench=RoomWatchBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RoomWatchBenchmark {

    @Param({"bomb", "huge", "combining", "ordinary"})
    public String message;

    private RoomWatch watch;
    private Offender alice;
    private String text;
    private Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Setup
    public void setUp() {
        WordRule hostile = new WordRule(true, List.of("fuck", "shit", "spam*"), List.of("(a+)+$", "(x|xx)+y", "(.*a){20}"),
                3, RuleAction.LADDER, true, false);
        ModerationConfig.Policy base = ModerationConfig.defaults().policyFor("room@example.org");
        ModerationConfig.Policy policy = new ModerationConfig.Policy(false, false, false, base.maxExaminedChars(),
                base.pointsDecayEvery(), base.ladder(), base.defaultMute(), base.defaultBan(), base.flood(),
                base.repetition(), hostile, base.links(), base.mentions(), base.caps(), base.nicknames(), base.joinFlood());
        watch = new RoomWatch(policy);
        alice = new Offender("oid:1", "alice", Optional.empty(), Optional.empty());
        text = switch (message) {
            case "bomb" -> "a".repeat(100_000) + "!";
            case "huge" -> "x".repeat(100_000);
            case "combining" -> "ǎ̸̧".repeat(30_000);
            default -> "hello there, how are you doing today?";
        };
    }

    @Benchmark
    public Object check() {
        now = now.plusSeconds(5);
        return watch.check(alice, text, List.of(), now);
    }
}
