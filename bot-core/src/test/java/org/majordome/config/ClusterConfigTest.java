package org.majordome.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code cluster:} section: off by default; on, it needs PostgreSQL, a valid lease and renewal interval. */
class ClusterConfigTest {

    private static final String CONNECTION = """
            connection:
              jid: bot@localhost
              password: secret
            """;
    private static final String POSTGRESQL = """
            runtime:
              database:
                url: jdbc:postgresql://127.0.0.1/majordome
                user: majordome
            """;

    @TempDir
    Path directory;

    @Test
    void withoutTheSectionTheBotRunsAlone() throws Exception {
        assertThat(load(CONNECTION).cluster()).isEmpty();
        assertThat(load(CONNECTION + POSTGRESQL + "cluster:\n").cluster()).as("an empty section").isEmpty();
    }

    @Test
    void theSectionNamesTheInstanceTheLeaseAndTheRenewal() throws Exception {
        BotConfig config = load(CONNECTION + POSTGRESQL + """
                cluster:
                  instance: bot-a
                  lease: 20s
                  renew-every: 5s
                """);

        assertThat(config.cluster()).contains(new ClusterSettings("bot-a", Duration.ofSeconds(20), Duration.ofSeconds(5)));
        assertThat(config.cluster().orElseThrow().actFor()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void byDefaultTheInstanceIsTheHostNameTheLeaseThirtySecondsRenewedEveryThird() throws Exception {
        ClusterSettings cluster = load(CONNECTION + POSTGRESQL + """
                cluster:
                  lease: 30s
                """).cluster().orElseThrow();

        assertThat(cluster.instance()).isNotBlank().doesNotContainAnyWhitespaces();
        assertThat(cluster.lease()).isEqualTo(ClusterSettings.DEFAULT_LEASE);
        assertThat(cluster.renewEvery()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void aClusterOnTheEmbeddedDatabaseIsRefusedAtTheClusterKey() throws IOException {
        List<ConfigProblem> problems = problems(CONNECTION + """
                cluster:
                  instance: bot-a
                """);

        assertThat(problems).extracting(ConfigProblem::line, ConfigProblem::key).containsExactly(tuple(4, "cluster"));
        assertThat(problems.getFirst().message()).contains("needs runtime.database on PostgreSQL")
                .contains("the embedded database serves one instance only");
        assertThat(problems.getFirst().format()).contains("bot.yml:4:");
    }

    @Test
    void aClusterOnAnotherDatabaseIsRefused() throws IOException {
        List<ConfigProblem> problems = problems(CONNECTION + """
                runtime:
                  database:
                    url: jdbc:h2:tcp://127.0.0.1/majordome
                cluster:
                  instance: bot-a
                """);

        assertThat(problems).extracting(ConfigProblem::line, ConfigProblem::key).containsExactly(tuple(7, "cluster"));
        assertThat(problems.getFirst().message()).contains("runtime.database.url is not one");
    }

    @Test
    void aRenewalOfHalfTheLeaseOrMoreAShortLeaseABadNameAndAnUnknownKeyAreEachReported() throws IOException {
        List<ConfigProblem> problems = problems(CONNECTION + POSTGRESQL + """
                cluster:
                  instance: bot a
                  lease: 1s
                  renew-every: 15s
                  leader: true
                """);

        assertThat(problems).extracting(ConfigProblem::line, ConfigProblem::key).containsExactly(
                tuple(9, "cluster.instance"),
                tuple(10, "cluster.lease"),
                tuple(11, "cluster.renew-every"),
                tuple(12, "cluster.leader"));
        assertThat(problems.get(2).message()).contains("less than half the lease");
    }

    @Test
    void aRenewalOfExactlyHalfTheLeaseIsRefused() throws IOException {
        List<ConfigProblem> problems = problems(CONNECTION + POSTGRESQL + """
                cluster:
                  lease: 20s
                  renew-every: 10s
                """);

        assertThat(problems).extracting(ConfigProblem::key).containsExactly("cluster.renew-every");
    }

    private BotConfig load(String yaml) throws IOException, ConfigException {
        return new ConfigLoader(Map.of()).load(write(yaml));
    }

    private List<ConfigProblem> problems(String yaml) throws IOException {
        return catchThrowableOfType(ConfigException.class, () -> load(yaml)).problems();
    }

    private Path write(String yaml) throws IOException {
        Path file = directory.resolve("bot.yml");
        Files.writeString(file, yaml);
        return file;
    }
}
