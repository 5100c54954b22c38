package org.majordome.plugins.moderation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.majordome.api.storage.PluginStorage;
import org.majordome.console.ConsoleDenied;
import org.majordome.console.ConsoleRequest;
import org.majordome.console.Operator;
import org.majordome.console.SectionsPage;
import org.majordome.testkit.PluginTestKit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What the operator console's cases page costs on the server with 1,000 cases in 100 rooms (issue 19): the whole
 * page body (reading every room's cases from the bot's storage, one query per room, filtering, sorting, escaping
 * and rendering the newest 200) for a bot admin, the same for the owner of one room, and one case's detail. The
 * storage is the runtime's own on an in-memory H2 (the test kit's). Run:
 * {@code mvn -B -pl plugins -am -Pbench verify -Dbench=CasesPageBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CasesPageBenchmark {

    @Param("100")
    int rooms;

    @Param("1000")
    int cases;

    private PluginTestKit kit;
    private SectionsPage page;
    private ConsoleRequest adminList;
    private ConsoleRequest ownerList;
    private ConsoleRequest detail;

    @Setup(Level.Trial)
    public void fill() {
        PluginTestKit.Builder builder = PluginTestKit.builder().plugin(new ModerationPlugin(),
                ModerationConfig.defaults());
        for (int r = 0; r < rooms; r++) {
            builder.room(room(r));
        }
        kit = builder.start();
        PluginStorage storage = kit.storage("moderation");
        Instant start = Instant.parse("2026-12-01T00:00:00Z");
        for (int i = 0; i < cases; i++) {
            String room = room(i % rooms);
            long number = i / rooms + 1;
            ModerationCase entry = new ModerationCase(number, room, "oid:" + i, "nick<" + i + ">",
                    Optional.of("user" + i + "@example.org"), Optional.of("oid-" + i), "flood",
                    "message \"" + i + "\" & more", "remove+mute 10m", "bot", start.plusSeconds(60L * i),
                    Optional.of(start.plusSeconds(60L * i + 600)), "", false);
            storage.room(room).put(String.format("case/%010d", number), entry.encode());
        }
        page = new SectionsPage(kit.consoleSections());
        adminList = new ConsoleRequest(new Operator("root@example.org", true, Set.of()), "cases", Map.of(), "t");
        ownerList = new ConsoleRequest(new Operator("owner@example.org", false, Set.of(room(7))), "cases", Map.of(), "t");
        detail = new ConsoleRequest(new Operator("owner@example.org", false, Set.of(room(7))), "cases",
                Map.of("room", List.of(room(7)), "row", List.of("3")), "t");
    }

    private static String room(int r) {
        return "room" + r + "@conference.example.org";
    }

    @TearDown(Level.Trial)
    public void close() {
        kit.close();
    }

    @Benchmark
    public String casesPageForABotAdmin() throws ConsoleDenied {
        return page.get(adminList).toString();
    }

    @Benchmark
    public String casesPageForTheOwnerOfOneRoom() throws ConsoleDenied {
        return page.get(ownerList).toString();
    }

    @Benchmark
    public String oneCasesDetail() throws ConsoleDenied {
        return page.get(detail).toString();
    }
}
