package org.majordome.console;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.majordome.room.RoomView;
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
 * What the rooms page costs the server: the whole page (layout and table) rendered for a bot admin, who sees every
 * room, with {@code rooms} kept rooms, each with a subject, two occupants and a declared owner, as the room package's
 * read model hands them over (reading that model is a copy of in-memory fields, not measured apart). Run with
 * {@code mvn -B -o -pl bot-core -Pbench verify -Dbench=RoomsPageBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RoomsPageBenchmark {

    @Param({"100"})
    public int rooms;

    private RoomsPage page;
    private Layout layout;
    private ConsoleRequest request;

    @Setup
    public void setUp() {
        List<RoomView> views = IntStream.range(0, rooms)
                .mapToObj(i -> RoomViews.ownedBy("room" + i + "@conference.example.org", "owner" + i + "@example.org"))
                .toList();
        page = new RoomsPage(() -> views, jid -> false);
        layout = new Layout(ConsoleApp.PREFIX, "Majordome", List.of(page));
        request = new ConsoleRequest(new Operator("boss@example.org", true, Set.of()), "", Map.of(), "C".repeat(43));
    }

    @Benchmark
    public String roomsPage() throws ConsoleDenied {
        return layout.page(request.operator(), request.csrfToken(), page, page.title(), page.get(request)).toString();
    }
}
