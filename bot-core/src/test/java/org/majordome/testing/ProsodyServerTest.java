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

    /** Issue 14 item 2: a test asking for XEP-0425 must fail, not run without it, and say which package has it. */
    @Test
    void missingModerationModuleFailsWithTheInstallHint() throws Exception {
        Files.writeString(directory.resolve("mod_muc_mam.lua"), "-- archive\n");

        assertThatThrownBy(() -> ProsodyServer.requireModules(java.util.List.of(directory), "muc_mam", "muc_moderation"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("`sudo apt-get install -y prosody-modules`")
                .hasMessageContaining("missing: muc_moderation under");
    }

    @Test
    void aModuleInItsOwnDirectoryIsFound() throws Exception {
        Path module = Files.createDirectories(directory.resolve("mod_muc_moderation"));
        Files.writeString(module.resolve("mod_muc_moderation.lua"), "-- moderation\n");

        ProsodyServer.requireModules(java.util.List.of(directory), "muc_moderation");
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
