package org.majordome.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** Issue 16 item 2: {@code check-config} shows the rooms a file retires and those a reload to it would destroy. */
class CheckConfigRetiredRoomsTest {

    private static final String HEAD = """
            connection:
              jid: majordome@localhost
              password: secret
            rooms:
            """;

    @TempDir
    Path dir;

    @Test
    void checkConfigListsTheRoomsDeclaredDestroyed() throws Exception {
        Path file = Files.writeString(dir.resolve("next.yml"), HEAD + """
                  - jid: lobby@conference.localhost
                  - jid: old@conference.localhost
                    state: destroyed
                    destroy-reason: Moved
                    alternative-room: lobby@conference.localhost
                """);

        String out = checkConfig(0, "--config", file.toString());

        assertThat(out).contains(file + ": rooms declared destroyed (a start destroys them",
                "old@conference.localhost (reason 'Moved', alternative lobby@conference.localhost)");
        assertThat(out).doesNotContain("lobby@conference.localhost (");
    }

    @Test
    void checkConfigComparedWithTheRunningFileNamesOnlyTheRoomsAReloadWouldDestroy() throws Exception {
        Path running = Files.writeString(dir.resolve("running.yml"), HEAD + """
                  - jid: lobby@conference.localhost
                  - jid: removed@conference.localhost
                  - jid: gone@conference.localhost
                    state: destroyed
                """);
        Path next = Files.writeString(dir.resolve("next.yml"), HEAD + """
                  - jid: lobby@conference.localhost
                    state: destroyed
                  - jid: gone@conference.localhost
                    state: destroyed
                """);

        assertThat(checkConfig(0, "--config", next.toString(), "--running", running.toString()))
                .contains(next + ": a reload from " + running + " would destroy 1 room(s): lobby@conference.localhost")
                .doesNotContain("gone@", "removed@");
        assertThat(checkConfig(0, "--config", running.toString(), "--running", running.toString()))
                .contains("would destroy no room");
        assertThat(checkConfig(2, "--config", next.toString(), "--running", dir.resolve("missing.yml").toString()))
                .doesNotContain("would destroy");
    }

    private String checkConfig(int expectedExitCode, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new Majordome());
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "check-config";
        System.arraycopy(args, 0, all, 1, args.length);
        assertThat(command.execute(all)).as(err.toString()).isEqualTo(expectedExitCode);
        return out.toString();
    }
}
