package org.majordome.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EjabberdServerTest {

    @TempDir
    Path directory;

    /** Integration tests must fail, not skip, without ejabberd, and say how to get it. */
    @Test
    void missingEjabberdctlFailsWithTheInstallCommand() {
        assertThatThrownBy(() -> EjabberdServer.findExecutable("ejabberdctl", directory.toString(), directory))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("ejabberd is required for integration tests: install it with "
                        + "`sudo apt-get install -y ejabberd` (Debian/Ubuntu)")
                .hasMessageContaining("`ejabberdctl` not found");
    }

    /** Debian's ejabberdctl names the erl it runs and where ejabberd's Erlang libraries are (per architecture). */
    @Test
    void erlAndItsLibrariesComeFromDebiansEjabberdctl() throws Exception {
        Path script = Files.writeString(directory.resolve("ejabberdctl"), """
                #!/bin/bash
                ERL="/usr/bin/erl"
                IEX="/usr/bin/iex"
                ERL_LIBS='/usr/lib/x86_64-linux-gnu'
                export ERL_LIBS
                """);

        assertThat(EjabberdServer.scriptVariables(script))
                .containsEntry("ERL", "/usr/bin/erl")
                .containsEntry("ERL_LIBS", "/usr/lib/x86_64-linux-gnu")
                .doesNotContainKey("IEX");
    }

    @Test
    void theConfigurationListensOnLoopbackOnlyAndMakesAdminsRoomOwners() {
        List<String> lines = EjabberdConfig.lines(EjabberdServer.builder().admins("owner"), 5299,
                Optional.of(Path.of("/tmp/certs/localhost.crt")));

        assertThat(lines).contains("    port: 5299", "    ip: \"127.0.0.1\"", "      - \"owner@localhost\"",
                "    access_admin:", "  - \"/tmp/certs/localhost.key\"");
        assertThat(String.join("\n", lines)).doesNotContain("ejabberd_s2s_in", "ejabberd_http", "mod_fail2ban",
                "c2s_shaper");
    }

    @Test
    void serverKindsCanBeLimitedByAProperty() {
        assertThat(EveryServerExtension.selectedKinds("")).containsExactly(ServerKind.PROSODY, ServerKind.EJABBERD);
        assertThat(EveryServerExtension.selectedKinds(" ejabberd ")).containsExactly(ServerKind.EJABBERD);
        assertThat(EveryServerExtension.selectedKinds("Prosody,ejabberd,prosody"))
                .containsExactly(ServerKind.PROSODY, ServerKind.EJABBERD);
    }
}
