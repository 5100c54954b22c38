package org.majordome.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.graalvm.polyglot.Engine;
import org.junit.jupiter.api.Test;

/**
 * Which runtime the scripts run on, said in one line: tests run on a stock JDK without JVMCI options (Surefire's
 * JVM), where GraalJS falls back to the interpreter. The compiled case is proved with the real launcher in the
 * plugins module's DistributionIT.
 */
class ScriptEngineTest {

    @Test
    void withoutTheGraalCompilerScriptsAreInterpretedAndTheLineSaysSo() {
        try (ScriptEngine engine = ScriptEngine.create()) {
            assertThat(engine.compiled()).isFalse();
            assertThat(engine.runtimeLine()).contains("interpreted, not compiled").doesNotContain("\n");
        }
    }

    /**
     * Truffle's own warning about the fallback runtime is several lines on stderr; the engine option we set
     * silences it. Pinned against a plain engine (Truffle's default stderr), which is where it would appear.
     */
    @Test
    void truffleFallbackWarningIsSilencedByTheOptionTheEngineSets() {
        ByteArrayOutputStream warned = new ByteArrayOutputStream();
        ByteArrayOutputStream silenced = new ByteArrayOutputStream();
        try (Engine plain = Engine.newBuilder("js").err(new PrintStream(warned, true, StandardCharsets.UTF_8)).build();
             Engine quiet = Engine.newBuilder("js").option("engine.WarnInterpreterOnly", "false")
                     .err(new PrintStream(silenced, true, StandardCharsets.UTF_8)).build()) {
            assertThat(plain.getImplementationName()).isEqualTo(quiet.getImplementationName());
        }
        assertThat(warned.toString(StandardCharsets.UTF_8)).contains("fallback runtime");
        assertThat(silenced.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
