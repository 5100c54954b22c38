package org.majordome.testing.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.testing.ServerKind;

class ServerSupportTableTest {

    @TempDir
    Path reports;

    @Proves(Feature.ROOMS_KEPT)
    static final class KeepingIT {
        @Proves(value = Feature.MESSAGE_REMOVAL, fallbackOn = ServerKind.EJABBERD,
                difference = "ejabberd 23.01 has no XEP-0425")
        void removes() {
        }

        void keeps() {
        }

        /** On Prosody without the module. */
        @Proves(value = Feature.MESSAGE_REMOVAL, fallbackOn = ServerKind.PROSODY)
        void fallsBack() {
        }
    }

    private static String report(String servers, String... testCases) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="x"><properties><property name="majordome.it.servers" value="%s"/></properties>
                %s
                </testsuite>
                """.formatted(servers, String.join("\n", testCases));
    }

    private static String testCase(String className, String method, String body) {
        return "<testcase name=\"" + method + "(TestClients)\" classname=\"" + className + "\" time=\"1\">" + body
                + "</testcase>";
    }

    private String table(String xml) throws Exception {
        Files.writeString(reports.resolve("TEST-x.xml"), xml);
        List<ServerSupportTable.Result> results = ServerSupportTable.read(reports);
        return ServerSupportTable.render(results, name -> name.equals("Keeping")
                ? Optional.of(KeepingIT.class) : Optional.empty());
    }

    @Test
    void eachRunOfAClassIsTheServerOfItsIndexAndAFeatureHoldsWhereEveryTestPassed() throws Exception {
        String table = table(report("", testCase("Keeping[1]", "keeps", ""), testCase("Keeping[2]", "keeps", ""),
                testCase("Keeping[1]", "removes", ""), testCase("Keeping[2]", "removes", "")));

        assertThat(table).contains("| Rooms created, kept persistent and configured as written (XEP-0045 §10) | ✓ | ✓ "
                + "| KeepingIT |");
        assertThat(table).contains("| Spam removed for everyone (XEP-0425) | ✓ with community module "
                + "`mod_muc_moderation` with `muc_mam` | ✗ (needs 23.04 or newer) → the next rung");
        assertThat(table).contains("- ejabberd 23.01 has no XEP-0425 (KeepingIT)")
                .contains("Made from 4 test runs that prove a feature (2 on Prosody, 2 on ejabberd).");
    }

    @Test
    void aServerWhereTestsProveTheFeatureAndItsFallbackShowsBoth() throws Exception {
        String table = table(report("prosody", testCase("Keeping[1]", "removes", ""),
                testCase("Keeping[1]", "fallsBack", "")));

        assertThat(table).contains("| Spam removed for everyone (XEP-0425) | ✓ with community module "
                + "`mod_muc_moderation` with `muc_mam`; without it → the next rung");
    }

    @Test
    void aFailedTestShowsAsFailedAndARunOnOneServerLeavesTheOtherNotRun() throws Exception {
        String table = table(report("ejabberd", testCase("Keeping[1]", "keeps", "<failure message=\"boom\"/>"),
                testCase("Keeping[1]", "removes", "<skipped/>")));

        assertThat(table).contains("| Rooms created, kept persistent and configured as written (XEP-0045 §10) "
                + "| not run | ✗ failed (1 of 1 tests) |");
        assertThat(table).doesNotContain("| Spam removed").contains("No test in this run proves: ")
                .contains("Spam removed for everyone (XEP-0425)");
    }

    @Test
    void theReadmeKeepsWhatSurroundsTheMarkers() {
        String readme = "intro\n" + ServerSupportTable.BEGIN + "\nold table\n" + ServerSupportTable.END + "\nafter\n";

        assertThat(ServerSupportTable.replaceBetweenMarkers(readme, "| new |\n")).isEqualTo("intro\n"
                + ServerSupportTable.BEGIN + "\n| new |\n" + ServerSupportTable.END + "\nafter\n");
        assertThatThrownBy(() -> ServerSupportTable.replaceBetweenMarkers("no markers", "x"))
                .hasMessageContaining("server-support");
    }
}
