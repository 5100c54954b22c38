package org.majordome.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProsodyServerTest {

    @TempDir
    Path directory;

    /** Integration tests must fail, not skip, without Prosody, and say how to get it. */
    @Test
    void missingProsodyFailsWithTheInstallCommand() {
        assertThatThrownBy(() -> ProsodyServer.findExecutable("prosody", directory.toString(), directory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Prosody is required for integration tests: install it with "
                        + "`sudo apt-get install -y prosody` (Debian/Ubuntu)");
    }

    @Test
    void prosodyOnTheSearchPathComesFirst() throws Exception {
        Path onPath = Files.createDirectories(directory.resolve("bin"));
        Path packaged = Files.createDirectories(directory.resolve("usr-bin"));
        Path expected = executable(onPath.resolve("prosody"));
        executable(packaged.resolve("prosody"));

        assertThat(ProsodyServer.findExecutable("prosody", "/nonexistent:" + onPath, packaged)).isEqualTo(expected);
    }

    @Test
    void theDebianPackageLocationIsTheFallback() throws Exception {
        Path packaged = Files.createDirectories(directory.resolve("usr-bin"));
        Path expected = executable(packaged.resolve("prosodyctl"));

        assertThat(ProsodyServer.findExecutable("prosodyctl", "", packaged)).isEqualTo(expected);
    }

    @Test
    void configStringsAreQuotedForLua() {
        assertThat(ProsodyServer.lua("a \"b\" \\c")).isEqualTo("\"a \\\"b\\\" \\\\c\"");
    }

    private static Path executable(Path file) throws Exception {
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
