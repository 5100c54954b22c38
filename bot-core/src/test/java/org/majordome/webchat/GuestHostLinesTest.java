package org.majordome.webchat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.config.ConnectionSettings;
import org.majordome.config.Secret;
import org.majordome.config.TlsMode;

class GuestHostLinesTest {

    static final String HOSTILE = "line\nbreak\r\n\ttab\\n not an escape \\\\ \u202Eevil\u202C \u200F<b>x</b> \uD83D\uDE00"
            + " lone \uD800 and \uDC00 end\\";

    static ConnectionSettings settings() throws Exception {
        return new ConnectionSettings(JidCreate.entityBareFrom("visitors@example.org"),
                new Secret("pa\tss\nword\\", "test"), Optional.of("127.0.0.1"), 5299, TlsMode.IF_POSSIBLE,
                Optional.of(Path.of("certs", "server.pem")), Set.of("SCRAM-SHA-1-PLUS", "PLAIN"),
                Resourcepart.from("bot"), Resourcepart.from("Bot"), Duration.ofSeconds(90), Duration.ofSeconds(12));
    }

    @Test
    void hostileFieldsComeBackExactlyFromOneLine() {
        String huge = HOSTILE.repeat(50_000);
        List<String> fields = List.of("frame", "", HOSTILE, huge, "\t", "\n", "\\", "\\u0041", "{\"text\":\"a\\nb\"}");
        String line = GuestHostLines.line(fields.toArray(String[]::new));

        assertThat(line).doesNotContain("\n").doesNotContain("\r");
        assertThat(line.chars().filter(c -> Character.isSurrogate((char) c)).count() % 2).isZero();
        assertThat(GuestHostLines.fields(line)).containsExactlyElementsOf(fields);
    }

    @Test
    void aLoneSurrogateIsEscapedSoThatUtf8CanCarryTheLine() {
        String line = GuestHostLines.line("\uD800x\uDC00");
        assertThat(line).isEqualTo("\\ud800x\\udc00");
        assertThat(new String(line.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(line);
        assertThat(GuestHostLines.fields(line)).containsExactly("\uD800x\uDC00");
    }

    @Test
    void theConnectionSettingsAndThePasswordMakeTheTrip() throws Exception {
        ConnectionSettings sent = settings();
        ConnectionSettings read = GuestHostLines.settings(GuestHostLines.settings(sent));
        assertThat(read.password().reveal()).isEqualTo(sent.password().reveal());
        assertThat(read).usingRecursiveComparison().ignoringFields("password").isEqualTo(sent);

        ConnectionSettings bosh = sent.overBosh(URI.create("https://example.org/http-bind?x=1"));
        assertThat(GuestHostLines.settings(GuestHostLines.settings(bosh))).usingRecursiveComparison()
                .ignoringFields("password").isEqualTo(bosh);
    }

    @Test
    void thePasswordIsNeverOnTheHostsCommandLine() throws Exception {
        Optional<Path> nice = Optional.of(Path.of("/usr/bin/nice"));
        List<String> command = GuestHost.command(new GuestHost.Launch(settings(), 10, 200), nice);
        assertThat(command).startsWith("/usr/bin/nice", "-n", "10").endsWith(GuestHostMain.class.getName())
                .contains("-Xmx328m").noneMatch(part -> part.contains("pa\tss"));
        assertThat(GuestHost.command(new GuestHost.Launch(settings(), 0, 10, "Main"), nice))
                .noneMatch(part -> part.contains("nice"));
    }

    @Test
    void aSystemWithoutNiceStartsTheHostAtTheBotsPriorityRatherThanNotAtAll(@TempDir Path bin) throws Exception {
        Path nice = Files.createFile(bin.resolve("nice"));
        String path = bin.resolve("missing") + File.pathSeparator + File.pathSeparator + bin;
        assertThat(GuestHost.niceOnPath(path)).as("not executable").isEmpty();

        Files.setPosixFilePermissions(nice, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertThat(GuestHost.niceOnPath(path)).contains(nice);
        assertThat(GuestHost.niceOnPath(bin.resolve("missing").toString())).isEmpty();
        assertThat(GuestHost.niceOnPath(null)).isEmpty();

        assertThat(GuestHost.command(new GuestHost.Launch(settings(), 19, 10), Optional.empty()))
                .noneMatch(part -> part.contains("nice")).endsWith(GuestHostMain.class.getName());
    }
}
