package org.majordome.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.storage.PluginStorage;

/**
 * A commit that returned survives the process being killed right after (kill -9, no shutdown hook).
 * Without {@code WRITE_DELAY=0} in the embedded URL this fails: H2 then loses the last half second of commits.
 */
class KillDurabilityTest {

    private static final long ENTRIES_BEFORE_KILL = 200;

    @TempDir
    Path dataDirectory;

    @Test
    void everyReportedCommitSurvivesKillMinus9() throws Exception {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process writer = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DurabilityWriter.class.getName(), dataDirectory.toString())
                .redirectErrorStream(true)
                .start();
        long lastReported = -1;
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                if (line.startsWith(DurabilityWriter.COMMITTED)) {
                    lastReported = Long.parseLong(line.substring(DurabilityWriter.COMMITTED.length()));
                    if (lastReported >= ENTRIES_BEFORE_KILL) {
                        writer.destroyForcibly();
                        break;
                    }
                }
            }
        } finally {
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(lastReported).as("the writer reported its commits").isGreaterThanOrEqualTo(ENTRIES_BEFORE_KILL);

        try (Database reopened = Database.open(DatabaseSettings.embedded(dataDirectory))) {
            PluginStorage storage = new StorageService(reopened).forPlugin("durability");
            for (long i = 0; i <= lastReported; i++) {
                assertThat(storage.get("entry:" + i)).as("entry %d", i).contains("value " + i);
            }
            assertThat(storage.nextSequence("entries")).isGreaterThan(lastReported + 1);
        }
    }
}
