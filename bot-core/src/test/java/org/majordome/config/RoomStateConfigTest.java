package org.majordome.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;

/** Issue 16 item 2: a room declared {@code state: destroyed}, its reason and alternative, read and validated. */
class RoomStateConfigTest {

    private static final String HEAD = """
            connection:
              jid: bot@localhost
              password: secret
            rooms:
            """;

    @TempDir
    Path directory;

    private final ConfigLoader loader = new ConfigLoader(Map.of());

    @Test
    void aRoomDeclaredDestroyedCarriesItsReasonAndAlternative() throws Exception {
        BotConfig config = loader.load(write(HEAD + """
                  - jid: kept@conference.localhost
                  - jid: old@conference.localhost
                    state: destroyed
                    destroy-reason: Moved
                    alternative-room: kept@conference.localhost
                  - jid: plain@conference.localhost
                    state: destroyed
                """));

        assertThat(config.rooms()).extracting(RoomSettings::state).containsExactly(RoomState.KEPT,
                RoomState.destroyed(Optional.of("Moved"), Optional.of(JidCreate.entityBareFrom("kept@conference.localhost"))),
                RoomState.destroyed(Optional.empty(), Optional.empty()));
        assertThat(config.rooms().get(1).state().details())
                .isEqualTo("reason 'Moved', alternative kept@conference.localhost");
    }

    @Test
    void anUnknownStateAnAlternativeThatIsNoJidAndKeysOfAKeptRoomAreProblemsAtTheirLine() throws Exception {
        Path file = write(HEAD + """
                  - jid: one@conference.localhost
                    state: retired
                  - jid: two@conference.localhost
                    state: destroyed
                    alternative-room: not a jid
                  - jid: three@conference.localhost
                    destroy-reason: Moved
                  - jid: four@conference.localhost
                    state: destroyed
                    alternative-room: four@conference.localhost
                """);

        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> loader.load(file));

        assertThat(failure.problems()).allSatisfy(problem -> assertThat(problem.file()).isEqualTo(file));
        assertThat(failure.problems()).extracting(ConfigProblem::line, ConfigProblem::key, ConfigProblem::value)
                .containsExactly(
                        tuple(6, "rooms[0].state", "retired"),
                        tuple(9, "rooms[1].alternative-room", "not a jid"),
                        tuple(11, "rooms[2].destroy-reason", null),
                        tuple(14, "rooms[3].alternative-room", "four@conference.localhost"));
        assertThat(failure.problems().getFirst().message()).contains("'kept' (the default) or 'destroyed'");
        assertThat(failure.problems().get(2).message()).contains("only a room with 'state: destroyed'");
    }

    @Test
    void aReloadDestroysOnlyTheRoomsNewlyDeclaredDestroyedNeverTheRemovedOnes() throws Exception {
        BotConfig running = loader.load(write(HEAD + """
                  - jid: kept@conference.localhost
                  - jid: removed@conference.localhost
                  - jid: gone@conference.localhost
                    state: destroyed
                """));
        BotConfig next = loader.load(write(HEAD + """
                  - jid: kept@conference.localhost
                    state: destroyed
                  - jid: gone@conference.localhost
                    state: destroyed
                  - jid: new@conference.localhost
                    state: destroyed
                """));

        List<RoomSettings> destroyed = RoomState.destroyedByReload(running.rooms(), next.rooms());

        assertThat(destroyed).extracting(room -> room.jid().toString())
                .containsExactly("kept@conference.localhost", "new@conference.localhost");
        assertThat(RoomState.destroyedByReload(running.rooms(), running.rooms().subList(0, 1))).isEmpty();
    }

    private Path write(String yaml) throws Exception {
        return Files.writeString(directory.resolve("bot.yml"), yaml);
    }
}
