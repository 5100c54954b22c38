package org.majordome.plugins.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * The README's commands run as written from a source checkout once built: {@code deploy/bin/majordome} finds a
 * Java 21+ by itself (where plain {@code java} may be 17) and runs the build's jars, so that nobody has to fill
 * a {@code <version>} into a {@code java -cp} line.
 *
 * <p>Not server-facing: {@code check-config} validates the file and connects to nothing, so no XMPP server runs.
 */
class SourceTreeLauncherIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void readmeCheckConfigCommandNeededAVersionPlaceholderAndJava21OnThePath() throws Exception {
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("deploy/bin/majordome").toString(), "check-config",
                "--config", "deploy/example-bot.yml").directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().put("MAJORDOME_PASSWORD", "demo");
        builder.environment().put("MAJORDOME_WEB_PASSWORD", "demo");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("the launcher ends").isTrue();

        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("deploy/example-bot.yml: valid (majordome@localhost");
    }
}
