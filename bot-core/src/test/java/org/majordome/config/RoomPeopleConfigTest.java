package org.majordome.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.api.event.Affiliation;

/** A room's people in the file (issue 16 item 1): the lists, the outcasts' reasons, the policy and what is refused. */
class RoomPeopleConfigTest {

    private static final String ROOM = """
            connection:
              jid: bot@localhost
              password: secret
            rooms:
              - jid: lobby@conference.localhost
            """;

    @TempDir
    Path directory;

    private final ConfigLoader loader = new ConfigLoader(Map.of());

    @Test
    void everyListAndThePolicyAreRead() throws Exception {
        BotConfig config = loader.load(write(ROOM + """
                    owners: [carol@localhost, bot@localhost]
                    admins: [alice@localhost, dave@localhost]
                    members: [bob@localhost]
                    outcasts:
                      - troll@localhost
                      - spammer@localhost: flooding the room
                    moderators: [alice@localhost]
                    affiliations: exact
                """));

        RoomPeople people = config.rooms().getFirst().people();
        assertThat(people.policy()).isEqualTo(RoomPeople.Policy.EXACT);
        assertThat(people.owners()).extracting(Object::toString).containsExactly("carol@localhost", "bot@localhost");
        assertThat(people.admins()).extracting(Object::toString).containsExactly("alice@localhost", "dave@localhost");
        assertThat(people.outcasts()).containsExactly(
                new RoomPeople.Outcast(JidCreate.entityBareFrom("troll@localhost"), Optional.empty()),
                new RoomPeople.Outcast(JidCreate.entityBareFrom("spammer@localhost"), Optional.of("flooding the room")));
        assertThat(people.moderators()).extracting(Object::toString).containsExactly("alice@localhost");
        assertThat(people.declared()).containsEntry(JidCreate.entityBareFrom("bob@localhost"), Affiliation.MEMBER)
                .hasSize(7);
    }

    @Test
    void aRoomWithoutPeopleKeepsWhateverTheServerHas() throws Exception {
        RoomPeople people = loader.load(write(ROOM)).rooms().getFirst().people();

        assertThat(people).isEqualTo(RoomPeople.NONE);
        assertThat(people.declaresAny()).isFalse();
    }

    @Test
    void aJidInTwoListsIsAnErrorAtTheSecondOne() throws IOException {
        ConfigProblem problem = onlyProblem(ROOM + """
                    admins: [alice@localhost]
                    members:
                      - Alice@Localhost
                """);

        assertThat(problem.line()).isEqualTo(8);
        assertThat(problem.key()).isEqualTo("rooms[0].members[0]");
        assertThat(problem.value()).isEqualTo("Alice@Localhost");
        assertThat(problem.message()).isEqualTo("alice@localhost is already listed in admins at line 6; a JID has one "
                + "affiliation");
    }

    @Test
    void aMalformedJidIsAnError() throws IOException {
        ConfigProblem problem = onlyProblem(ROOM + """
                    members: [not a jid]
                """);

        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.key()).isEqualTo("rooms[0].members[0]");
        assertThat(problem.message()).contains("a bare JID of the form name@domain");
    }

    @Test
    void aMalformedOutcastJidIsAnErrorAtItsKey() throws IOException {
        ConfigProblem problem = onlyProblem(ROOM + """
                    outcasts:
                      - not-a-jid: spam
                """);

        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.message()).isEqualTo("expected a bare JID of the form name@domain, got 'not-a-jid'");
    }

    @Test
    void theBotsOwnAccountAsAdminIsAnError() throws IOException {
        ConfigProblem problem = onlyProblem(ROOM + """
                    admins: [bot@localhost]
                """);

        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.key()).isEqualTo("rooms[0].admins[0]");
        assertThat(problem.value()).isEqualTo("bot@localhost");
        assertThat(problem.message()).startsWith("the bot's own account cannot be in admins");
    }

    @Test
    void aModeratorWhoIsAnOutcastIsAnError() throws IOException {
        ConfigProblem problem = onlyProblem(ROOM + """
                    outcasts: [troll@localhost]
                    moderators: [troll@localhost]
                """);

        assertThat(problem.key()).isEqualTo("rooms[0].moderators[0]");
        assertThat(problem.message()).startsWith("troll@localhost cannot be a moderator: it is an outcast");
    }

    @Test
    void anUnknownPolicyIsAnError() throws IOException {
        ConfigProblem problem = onlyProblem(ROOM + """
                    affiliations: replace
                """);

        assertThat(problem.key()).isEqualTo("rooms[0].affiliations");
        assertThat(problem.message()).contains("keep, exact");
    }

    private ConfigProblem onlyProblem(String yaml) throws IOException {
        Path file = write(yaml);
        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> loader.load(file));
        assertThat(failure).as("a ConfigException for%n%s", yaml).isNotNull();
        List<ConfigProblem> problems = failure.problems();
        assertThat(problems).as("problems of%n%s", yaml).hasSize(1);
        return problems.getFirst();
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(directory.resolve("bot.yml"), yaml);
    }
}
