package org.majordome.bench;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;
import org.graalvm.polyglot.proxy.ProxyObject;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * The JavaScript part alone of {@link ScriptHandlerBenchmark}: the same trivial handler called on the caller's
 * thread, in a context of a shared engine under the same sandbox policy, with a proxy event, without the
 * dispatcher or the hand-off to the script's thread. It tells how much of the per-event cost GraalJS itself
 * is, with ({@link #compiled}) and without ({@link #interpreted}) runtime compilation; on a busy machine it is
 * also far less sensitive to thread scheduling than the hand-off.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ScriptCallBenchmark {

    private Engine engine;
    private Context context;
    private Value handler;
    private ProxyObject event;

    @Setup(Level.Trial)
    public void start(BenchmarkParams params) {
        engine = Engine.newBuilder("js").sandbox(SandboxPolicy.CONSTRAINED).option("engine.WarnInterpreterOnly", "false")
                .out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream()).build();
        ScriptHandlerBenchmark.requireRuntime(engine, params);
        context = Context.newBuilder("js").engine(engine).sandbox(SandboxPolicy.CONSTRAINED)
                .allowHostAccess(HostAccess.CONSTRAINED).allowIO(IOAccess.NONE).in(InputStream.nullInputStream())
                .out(OutputStream.nullOutputStream()).err(OutputStream.nullOutputStream()).build();
        handler = context.eval("js", """
                let seen = 0;
                (event) => { if (event.type === 'RoomMessageReceived') { seen++; } return seen; }
                """);
        event = ProxyObject.fromMap(Map.of("type", "RoomMessageReceived", "body", "hello there"));
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.close();
        engine.close();
    }

    @Benchmark
    public Value interpreted() {
        return handler.execute(event);
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {ScriptHandlerBenchmark.UNLOCK, ScriptHandlerBenchmark.JVMCI,
            ScriptHandlerBenchmark.COMPILER, ScriptHandlerBenchmark.NATIVE})
    @Warmup(iterations = 10, time = 4)
    public Value compiled() {
        return handler.execute(event);
    }
}
