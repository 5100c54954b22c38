package org.majordome.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigCheckTest {

    @TempDir
    Path directory;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream report = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void aValidFileExitsWithZeroAndASummary() throws IOException {
        Path file = Files.writeString(directory.resolve("bot.yml"), """
                connection:
                  jid: bot@localhost
                  password: ${PW}
                rooms:
                  - jid: lobby@conference.localhost
                """);

        int exitCode = ConfigCheck.check(file, Map.of("PW", "secret"), report);

        assertThat(exitCode).isEqualTo(ConfigCheck.VALID).isZero();
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .isEqualTo(file + ": valid (bot@localhost, 1 room, 0 plugin sections)" + System.lineSeparator());
    }

    @Test
    void anInvalidFileExitsWithTwoAndTheFullReport() throws IOException {
        Path file = Files.writeString(directory.resolve("bot.yml"), """
                connection:
                  jid: bot
                  password: ${PW}
                """);

        int exitCode = ConfigCheck.check(file, Map.of(), report);

        assertThat(exitCode).isEqualTo(ConfigCheck.INVALID).isEqualTo(2);
        assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(System.lineSeparator(),
                "2 problems in " + file + ":",
                "  " + file + ":2:8: connection.jid: expected a bare JID of the form name@domain, got 'bot'",
                "  " + file + ":3:13: connection.password: environment variable PW is not set",
                ""));
    }
}
