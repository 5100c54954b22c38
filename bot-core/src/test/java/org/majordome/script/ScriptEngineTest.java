package org.majordome.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

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
     * In a fresh JVM (Truffle warns about the fallback runtime once per process, so only a first engine can
     * show it): creating the engine leaves exactly one line about the runtime in the output, and none of
     * Truffle's multi-line fallback warning.
     */
    @Test
    void aFreshJvmWithoutTheCompilerLogsOneLineAndNoTruffleWarning() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CreateTwoEngines.class.getName())
                .redirectErrorStream(true).start();
        try {
            child.getOutputStream().close();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as(output).isTrue();
            assertThat(child.exitValue()).as(output).isZero();
            assertThat(output).containsOnlyOnce("JavaScript plugins: GraalJS")
                    .contains("interpreted, not compiled")
                    .doesNotContain("fallback runtime", "WarnInterpreterOnly", "Truffle log output");
        } finally {
            child.destroyForcibly();
        }
    }

    /** The child JVM of the test above: two engines, as two configuration generations would create. */
    static final class CreateTwoEngines {
        public static void main(String[] args) {
            ScriptEngine.create().close();
            ScriptEngine.create().close();
        }
    }
}
