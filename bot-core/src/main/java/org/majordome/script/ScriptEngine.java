package org.majordome.script;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.io.IOAccess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one GraalJS engine all scripts share (so a source is parsed once, whichever context runs it), and the
 * factory of their sandboxed contexts.
 */
final class ScriptEngine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptEngine.class);
    private static final AtomicBoolean RUNTIME_LOGGED = new AtomicBoolean();

    /**
     * Globals a sandboxed context still defines although they lead nowhere (host class lookup is refused):
     * removed so that scripts cannot even probe them.
     */
    private static final Source REMOVE_HOST_GLOBALS = Source.create("js",
            "for (const name of ['Java', 'Packages', 'java', 'javax', 'javafx', 'com', 'org', 'net', 'edu', 'Polyglot'])"
                    + " { delete globalThis[name]; }");

    private final Engine engine;

    private ScriptEngine(Engine engine) {
        this.engine = engine;
    }

    static ScriptEngine create() {
        // The CONSTRAINED policy makes GraalJS itself refuse any context configuration that would open host
        // access, files, threads or processes; the checks below would then fail loudly rather than silently.
        // On the fallback (interpreter-only) runtime Truffle would print a multi-line warning to stderr;
        // WarnInterpreterOnly=false silences it the supported way, since runtimeLine() says it in one line.
        Engine engine = Engine.newBuilder("js")
                .sandbox(SandboxPolicy.CONSTRAINED)
                .option("engine.WarnInterpreterOnly", "false")
                .out(OutputStream.nullOutputStream())
                .err(OutputStream.nullOutputStream())
                .build();
        ScriptEngine created = new ScriptEngine(engine);
        // Once per process: the engine is created anew for every configuration generation, its runtime is not.
        if (RUNTIME_LOGGED.compareAndSet(false, true)) {
            LOG.info(created.runtimeLine());
        }
        return created;
    }

    /**
     * Whether Truffle's optimizing runtime runs the scripts, i.e. hot handlers are compiled to machine code by
     * the Graal compiler (JVMCI enabled and the compiler on the upgrade module path, as the launcher does with
     * {@code MAJORDOME_SCRIPT_COMPILER=on}); false on the fallback runtime, which only interprets.
     */
    boolean compiled() {
        // The fallback runtime is named "Interpreted"; the optimizing one after the compiler ("GraalVM CE").
        return !engine.getImplementationName().toLowerCase(Locale.ROOT).contains("interpreted");
    }

    /**
     * The one line saying which runtime the scripts run on (without the engine's version, which the
     * polyglot jars on a class path report as "Development Build").
     */
    String runtimeLine() {
        return compiled()
                ? "JavaScript plugins: GraalJS on the " + engine.getImplementationName() + " runtime, compiled "
                        + "(hot handlers become machine code)"
                : "JavaScript plugins: GraalJS interpreted, not compiled: this JVM runs without the Graal compiler "
                        + "(the launcher enables it on Java 25+ with MAJORDOME_SCRIPT_COMPILER=on)";
    }

    /** A new sandboxed context: the script sees only what is later put in its bindings. */
    Context newContext(OutputStream out, OutputStream err) {
        Context context = Context.newBuilder("js")
                .engine(engine)
                .sandbox(SandboxPolicy.CONSTRAINED)
                .allowHostAccess(HostAccess.CONSTRAINED)
                .allowHostClassLookup(className -> false)
                .allowHostClassLoading(false)
                .allowIO(IOAccess.NONE)
                .allowCreateThread(false)
                .allowCreateProcess(false)
                .allowNativeAccess(false)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .allowInnerContextOptions(false)
                .option("js.load", "false")
                .option("js.print", "false")
                .option("js.graal-builtin", "false")
                .in(InputStream.nullInputStream())
                .out(out)
                .err(err)
                .build();
        context.eval(REMOVE_HOST_GLOBALS);
        return context;
    }

    @Override
    public void close() {
        engine.close(true);
    }
}
