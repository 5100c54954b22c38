package org.majordome.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rooms[].voice-requests}: each policy as written, the default, and the problems a wrong one gives. */
class VoiceRequestPolicyConfigTest {

    private static final String ROOM = """
            connection:
              jid: bot@localhost
              password: pw
            rooms:
              - jid: lobby@conference.localhost
            """;

    @TempDir
    Path directory;

    private final ConfigLoader loader = new ConfigLoader(Map.of("MAJORDOME_PASSWORD", "pw", "LOBBY_PASSWORD", "pw",
            "WEB_PASSWORD", "pw"));

    @Test
    void theReferenceFileDeclaresApproveMembersAndApproveAfter() throws Exception {
        BotConfig config = loader.load(Path.of(getClass().getResource("/config/full-example.yml").toURI()));

        assertThat(config.rooms()).extracting(RoomSettings::voiceRequests).containsExactly(
                VoiceRequestPolicy.of(VoiceRequestPolicy.Kind.APPROVE_MEMBERS),
                VoiceRequestPolicy.approveAfter(Duration.ofMinutes(10)), VoiceRequestPolicy.FORWARD);
    }

    @Test
    void aRoomWithoutThePolicyForwards() throws Exception {
        assertThat(policyOf("")).isEqualTo(VoiceRequestPolicy.FORWARD);
    }

    @Test
    void eachScalarPolicyIsRead() throws Exception {
        assertThat(policyOf("    voice-requests: forward\n")).isEqualTo(VoiceRequestPolicy.FORWARD);
        assertThat(policyOf("    voice-requests: approve-members\n"))
                .isEqualTo(VoiceRequestPolicy.of(VoiceRequestPolicy.Kind.APPROVE_MEMBERS));
        assertThat(policyOf("    voice-requests: deny\n")).isEqualTo(VoiceRequestPolicy.of(VoiceRequestPolicy.Kind.DENY));
        assertThat(policyOf("    voice-requests: {approve-after: 1h30m}\n"))
                .isEqualTo(VoiceRequestPolicy.approveAfter(Duration.ofMinutes(90)));
    }

    @Test
    void anUnknownPolicyIsReportedWithItsLineKeyAndValue() throws Exception {
        ConfigProblem problem = onlyProblem("    voice-requests: approve-everyone\n");

        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.key()).isEqualTo("rooms[0].voice-requests");
        assertThat(problem.value()).isEqualTo("approve-everyone");
        assertThat(problem.format()).contains("bot.yml").endsWith("expected " + VoiceRequestPolicy.EXPECTED.toString()
                + ", got 'approve-everyone'");
    }

    @Test
    void aBadDurationIsReportedAtTheDuration() throws Exception {
        ConfigProblem problem = onlyProblem("    voice-requests:\n      approve-after: soon\n");

        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.key()).isEqualTo("rooms[0].voice-requests.approve-after");
        assertThat(problem.value()).isEqualTo("soon");
    }

    @Test
    void anUnknownKeyInThePolicyMappingIsReported() throws Exception {
        Path file = write(ROOM + "    voice-requests:\n      approve-before: 10m\n");
        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> loader.load(file));

        assertThat(failure.problems()).extracting(ConfigProblem::key, ConfigProblem::message).contains(
                org.assertj.core.api.Assertions.tuple("rooms[0].voice-requests.approve-before",
                        "unknown key 'approve-before'; expected one of: approve-after"),
                org.assertj.core.api.Assertions.tuple("rooms[0].voice-requests.approve-after",
                        "missing required key 'approve-after'"));
    }

    private VoiceRequestPolicy policyOf(String lines) throws IOException, ConfigException {
        List<RoomSettings> rooms = loader.load(write(ROOM + lines)).rooms();
        return rooms.getFirst().voiceRequests();
    }

    private ConfigProblem onlyProblem(String lines) throws IOException {
        Path file = write(ROOM + lines);
        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> loader.load(file));
        assertThat(failure).as("a ConfigException").isNotNull();
        assertThat(failure.problems()).hasSize(1);
        assertThat(failure.problems().getFirst().file()).isEqualTo(file);
        return failure.problems().getFirst();
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(directory.resolve("bot.yml"), yaml);
    }
}
