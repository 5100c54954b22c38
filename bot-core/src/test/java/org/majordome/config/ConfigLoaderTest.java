package org.majordome.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;

class ConfigLoaderTest {

    private static final String BOT_PASSWORD = "s3cret-bot-pw";
    private static final String ROOM_PASSWORD = "s3cret-room-pw";
    private static final Map<String, String> ENVIRONMENT = Map.of(
            "MAJORDOME_PASSWORD", BOT_PASSWORD,
            "LOBBY_PASSWORD", ROOM_PASSWORD,
            "ROOM_PW", ROOM_PASSWORD,
            "PORT", "5223",
            "WEB_PASSWORD", "s3cret-web-pw");

    private static final String MINIMAL = """
            connection:
              jid: bot@localhost
              password: ${MAJORDOME_PASSWORD}
            """;

    private static final String BOSH = """
              transport: bosh
              bosh-url: https://xmpp.example.org:5281/http-bind
            """;

    @TempDir
    Path directory;

    private final ConfigLoader loader = new ConfigLoader(ENVIRONMENT);

    @Test
    void theFullReferenceFileBindsEveryKey() throws Exception {
        Path file = Path.of(getClass().getResource("/config/full-example.yml").toURI());

        BotConfig config = loader.load(file);

        ConnectionSettings connection = config.connection();
        assertThat(connection.jid().toString()).isEqualTo("bot@localhost");
        assertThat(config.dispatch().scriptsDirectory()).hasValueSatisfying(path -> assertThat(path.getFileName()).hasToString("scripts"));
        assertThat(config.dispatch().scriptTimeLimit()).isEqualTo(Duration.ofSeconds(2));
        assertThat(connection.password().reveal()).isEqualTo(BOT_PASSWORD);
        assertThat(connection.password().origin()).isEqualTo("environment variable MAJORDOME_PASSWORD");
        assertThat(connection.host()).contains("127.0.0.1");
        assertThat(connection.port()).isEqualTo(5222);
        assertThat(connection.tls()).isEqualTo(TlsMode.IF_POSSIBLE);
        assertThat(connection.trustedCertificate()).isEmpty();
        assertThat(connection.avoidSaslMechanisms()).containsExactly("SCRAM-SHA-1-PLUS");
        assertThat(connection.resource()).hasToString("majordome");
        assertThat(connection.nick()).hasToString("Majordome");
        assertThat(connection.transport()).isEqualTo(Transport.TCP);
        assertThat(connection.boshUrl()).isEmpty();
        assertThat(connection.pingInterval()).isEqualTo(Duration.ofSeconds(90));
        assertThat(connection.replyTimeout()).isEqualTo(Duration.ofSeconds(15));

        assertThat(config.admins()).containsExactlyInAnyOrder(
                JidCreate.entityBareFrom("admin@localhost"), JidCreate.entityBareFrom("ops@localhost"));

        RuntimeSettings runtime = config.runtime();
        assertThat(runtime.reconcileInterval()).isEqualTo(Duration.ofMinutes(10));
        assertThat(runtime.selfPingAfterIdle()).isEqualTo(Duration.ofMinutes(2));
        assertThat(runtime.rejoinBackoffMax()).isEqualTo(Duration.ofHours(1));
        assertThat(runtime.dataDirectory()).isEqualTo(file.getParent().resolve("state"));
        assertThat(runtime.timeZone()).isEqualTo(ZoneId.of("Europe/Paris"));
        assertThat(runtime.leaveStatus()).isEqualTo("Back in a few minutes: the bot is being updated");

        assertThat(config.rooms()).hasSize(3);
        RoomSettings lobby = config.rooms().getFirst();
        assertThat(lobby.texts().language()).contains(java.util.Locale.FRENCH);
        assertThat(lobby.texts().overridesOf("core")).containsExactly(java.util.Map.entry("pong", "Présent !"));
        assertThat(config.runtime().language()).isEqualTo(java.util.Locale.ENGLISH);
        assertThat(lobby.jid().toString()).isEqualTo("lobby@conference.localhost");
        assertThat(lobby.nick()).contains(Resourcepart.from("Butler"));
        assertThat(lobby.plugins()).containsExactly("core", "moderation");
        assertThat(lobby.password()).map(Secret::reveal).contains(ROOM_PASSWORD);
        DesiredRoomConfig desired = lobby.desired();
        assertThat(desired.title()).contains("Lobby");
        assertThat(desired.description()).contains("Where everyone meets");
        assertThat(desired.persistent()).contains(true);
        assertThat(desired.publicRoom()).contains(true);
        assertThat(desired.password()).map(Secret::reveal).contains(ROOM_PASSWORD);
        assertThat(desired.whoCanSeeRealJids()).contains(WhoCanSeeRealJids.MODERATORS);
        assertThat(desired.membersOnly()).contains(false);
        assertThat(desired.moderated()).contains(false);
        assertThat(desired.maxUsers()).contains(50);
        assertThat(desired.occupantsMayChangeSubject()).contains(false);
        assertThat(desired.historyLength()).contains(20);
        assertThat(lobby.people().owners()).extracting(Object::toString).containsExactly("carol@localhost");
        assertThat(lobby.people().admins()).extracting(Object::toString)
                .containsExactly("alice@localhost", "dave@localhost");
        assertThat(lobby.people().members()).extracting(Object::toString).containsExactly("bob@localhost");
        assertThat(lobby.people().outcasts()).extracting(outcast -> outcast.jid() + " " + outcast.reason().orElse("-"))
                .containsExactly("troll@localhost -", "spammer@localhost flooding the room");
        assertThat(lobby.people().moderators()).extracting(Object::toString).containsExactly("alice@localhost");
        assertThat(lobby.people().policy()).isEqualTo(RoomPeople.Policy.KEEP);

        RoomSettings ops = config.rooms().get(1);
        assertThat(ops.desired()).isEqualTo(DesiredRoomConfig.persistentOnly());
        assertThat(ops.nick()).isEmpty();
        assertThat(ops.password()).isEmpty();
        assertThat(lobby.timeZone()).contains(ZoneId.of("Europe/London"));
        assertThat(ops.timeZone()).isEmpty();
        assertThat(ops.people()).isEqualTo(RoomPeople.NONE);

        assertThat(config.invitations().alsoFrom()).containsExactly(JidCreate.entityBareFrom("helper@localhost"));
        assertThat(config.invitations().plugins()).containsExactly("core");
        assertThat(config.invitations().keepAcrossRestarts()).isTrue();
        assertThat(lobby.state()).isEqualTo(RoomState.KEPT);
        assertThat(config.rooms().get(2).state()).isEqualTo(RoomState.destroyed(Optional.of("We moved to the lobby"),
                Optional.of(JidCreate.entityBareFrom("lobby@conference.localhost"))));

        assertThat(config.plugins()).containsOnlyKeys("moderation", "core");
        assertThat(config.source()).isEqualTo(file);

        WebSettings web = config.web().orElseThrow();
        assertThat(web.bind()).isEqualTo("127.0.0.1");
        assertThat(web.port()).isEqualTo(8080);
        assertThat(web.publicUrl()).contains(URI.create("https://chat.example.org/"));
        assertThat(web.trustedProxies()).containsExactly("127.0.0.1", "10.0.0.0/8");
        assertThat(web.tls()).isEmpty();
        assertThat(web.frameAncestors()).containsExactly("https://club.example.org");
        assertThat(web.console()).contains(ConsoleSettings.defaults());
        WebChatSettings chat = web.chat().orElseThrow();
        assertThat(chat.accountJid()).contains(JidCreate.entityBareFrom("visitors@localhost"));
        assertThat(chat.accountPassword()).map(Secret::reveal).contains("s3cret-web-pw");
        assertThat(chat).extracting(WebChatSettings::visitorsPerRoom, WebChatSettings::visitors,
                WebChatSettings::sessionsPerAddress, WebChatSettings::messagesPerMinute,
                WebChatSettings::maxMessageLength, WebChatSettings::idleTimeout)
                .containsExactly(50, 200, 3, 20, 1000, Duration.ofMinutes(30));
        assertThat(chat.banBy()).containsExactlyInAnyOrder("cookie", "address");
        assertThat(config.rooms()).extracting(RoomSettings::webChat).containsExactly(true, false, false);
    }

    @Test
    void aMinimalFileGetsTheDocumentedDefaults() throws Exception {
        Path file = write(MINIMAL);

        BotConfig config = loader.load(file);

        ConnectionSettings connection = config.connection();
        assertThat(connection.host()).isEmpty();
        assertThat(connection.port()).isEqualTo(5222);
        assertThat(connection.tls()).isEqualTo(TlsMode.REQUIRED);
        assertThat(connection.trustedCertificate()).isEmpty();
        assertThat(connection.avoidSaslMechanisms()).isEmpty();
        assertThat(connection.resource()).hasToString("majordome");
        assertThat(connection.nick()).hasToString("Majordome");
        assertThat(connection.pingInterval()).isEqualTo(Duration.ofSeconds(60));
        assertThat(connection.replyTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(config.admins()).isEmpty();
        assertThat(config.rooms()).isEmpty();
        assertThat(config.plugins()).isEmpty();
        assertThat(config.runtime()).isEqualTo(new RuntimeSettings(Duration.ofMinutes(5), Duration.ofMinutes(5),
                Duration.ofMinutes(5), directory.resolve("data"), ZoneId.systemDefault()));
    }

    /**
     * Issue 14 item 4: the status occupants read when the bot leaves is a documented setting, checked like the
     * others: one line, not empty, at most 200 characters.
     */
    @Test
    void theLeaveStatusDefaultsToASentenceAndIsValidated() throws Exception {
        assertThat(loader.load(write(MINIMAL)).runtime().leaveStatus()).isEqualTo("Majordome is shutting down");

        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> loader.load(write(MINIMAL + """
                runtime:
                  leave-status: "   "
                """)));
        ConfigException tooLong = catchThrowableOfType(ConfigException.class, () -> loader.load(write(MINIMAL
                + "runtime:\n  leave-status: " + "a".repeat(201) + "\n")));
        ConfigException twoLines = catchThrowableOfType(ConfigException.class, () -> loader.load(write(MINIMAL + """
                runtime:
                  leave-status: "first line\\nsecond line"
                """)));

        for (ConfigException problem : java.util.List.of(failure, tooLong, twoLines)) {
            assertThat(problem.problems()).extracting(ConfigProblem::key).containsExactly("runtime.leave-status");
            assertThat(problem.getMessage()).contains("one line of text, at most 200 characters");
        }
    }

    @Test
    void anExternalDatabaseAndTheDispatchSectionAreRead() throws Exception {
        BotConfig config = loader.load(write(MINIMAL + """
                runtime:
                  database:
                    url: jdbc:postgresql://127.0.0.1/majordome
                    user: majordome
                    password: ${MAJORDOME_PASSWORD}
                dispatch:
                  command-prefix: "."
                  handler-time-limit: 2s
                """));

        DatabaseConnection database = config.runtime().database().orElseThrow();
        assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1/majordome");
        assertThat(database.user()).isEqualTo("majordome");
        assertThat(database.password()).isPresent();
        assertThat(database.maxConnections()).isEqualTo(4);
        assertThat(config.dispatch().commandPrefix()).isEqualTo(".");
        assertThat(config.dispatch().handlerTimeLimit()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.dispatch().repliesPerSender()).isEqualTo(DispatchSettings.defaults().repliesPerSender());
    }

    /** Issue 13 item 10: who the command allowance spares is a setting, checked like the others. */
    @Test
    void rateLimitExemptionsDefaultToBotAdminsAndRoomOwnersAndAreValidated() throws Exception {
        assertThat(loader.load(write(MINIMAL)).dispatch().rateLimitExempt())
                .containsExactlyInAnyOrder(RateLimitExempt.BOT_ADMINS, RateLimitExempt.ROOM_OWNERS);
        assertThat(loader.load(write(MINIMAL + """
                dispatch:
                  rate-limit-exempt: [moderators, room-admins]
                """)).dispatch().rateLimitExempt())
                .containsExactlyInAnyOrder(RateLimitExempt.MODERATORS, RateLimitExempt.ROOM_ADMINS);
        assertThat(loader.load(write(MINIMAL + """
                dispatch:
                  rate-limit-exempt: []
                """)).dispatch().rateLimitExempt()).as("an empty list: everyone is limited").isEmpty();

        ConfigProblem problem = onlyProblem(MINIMAL + """
                dispatch:
                  rate-limit-exempt: [bot-admins, owners]
                """);
        assertThat(problem.key()).startsWith("dispatch.rate-limit-exempt");
        assertThat(problem.format()).contains("bot-admins, room-owners, room-admins, moderators").endsWith("got 'owners'");
    }

    /** Regression: the loader allowed only letters, digits and '-', so a plugin registered as "karma.v2" could not be enabled. */
    @Test
    void pluginIdsFollowTheOneRuleThePluginApiStates() throws Exception {
        BotConfig config = loader.load(write(MINIMAL + """
                rooms:
                  - jid: lobby@conference.localhost
                    plugins: [karma.v2, dice_roller]
                """));
        assertThat(config.pluginsByRoom()).containsEntry("lobby@conference.localhost", List.of("karma.v2", "dice_roller"));

        ConfigProblem problem = onlyProblem(MINIMAL + """
                rooms:
                  - jid: lobby@conference.localhost
                    plugins: [Karma]
                """);
        assertThat(problem.message()).contains(org.majordome.api.Plugin.ID_RULE);
    }

    @Test
    void aDatabaseUrlMustBeJdbc() throws Exception {
        ConfigProblem problem = onlyProblem(MINIMAL + """
                runtime:
                  database:
                    url: postgres://somewhere
                """);

        assertThat(problem.key()).isEqualTo("runtime.database.url");
        assertThat(problem.message()).contains("JDBC URL");
    }

    /** The database refuses a pool under two connections: the checker accepted one, and the bot then failed at start. */
    @Test
    void aPoolOfOneConnectionIsRefusedByTheChecker() throws Exception {
        ConfigProblem problem = onlyProblem(MINIMAL + """
                runtime:
                  database:
                    url: jdbc:postgresql://127.0.0.1:5432/majordome
                    max-connections: 1
                """);

        assertThat(problem.key()).isEqualTo("runtime.database.max-connections");
        assertThat(problem.message()).contains("between 2 and 100");
    }

    @Test
    void aRoomConfigWithoutPersistentIsPersistentAndKeepsTheRestUnset() throws Exception {
        BotConfig config = loader.load(write(MINIMAL + """
                rooms:
                  - jid: lobby@conference.localhost
                    config:
                      title: Lobby
                      password: ''
                """));

        DesiredRoomConfig desired = config.rooms().getFirst().desired();
        assertThat(desired.persistent()).contains(true);
        assertThat(desired.title()).contains("Lobby");
        assertThat(desired.publicRoom()).isEmpty();
        assertThat(desired.maxUsers()).isEmpty();
        assertThat(desired.password()).map(Secret::reveal).contains("");
        assertThat(config.rooms().getFirst().password()).as("no password to enter a password-free room").isEmpty();
    }

    @Test
    void expandsVariablesInsideTextAndKeepsEscapedOnes() throws Exception {
        BotConfig config = loader.load(write("""
                connection:
                  jid: bot@localhost
                  password: pre-${MAJORDOME_PASSWORD}-$${NOT_A_VARIABLE}
                  port: ${PORT}
                """));

        assertThat(config.connection().password().reveal()).isEqualTo("pre-" + BOT_PASSWORD + "-${NOT_A_VARIABLE}");
        assertThat(config.connection().password().origin()).isEqualTo("key connection.password");
        assertThat(config.connection().port()).isEqualTo(5223);
    }

    @Test
    void theExamplePinnedPort5222SoMajordomeXmppPortMovedOnlyProsody() throws Exception {
        String file = """
                connection:
                  jid: bot@localhost
                  password: ${MAJORDOME_PASSWORD}
                  port: ${MAJORDOME_XMPP_PORT:-5222}
                """;
        BotConfig unset = loader.load(write(file));
        BotConfig set = new ConfigLoader(Map.of("MAJORDOME_PASSWORD", BOT_PASSWORD, "MAJORDOME_XMPP_PORT", "25222"))
                .load(write(file));
        BotConfig empty = new ConfigLoader(Map.of("MAJORDOME_PASSWORD", BOT_PASSWORD, "MAJORDOME_XMPP_PORT", ""))
                .load(write(file));

        assertThat(unset.connection().port()).isEqualTo(5222);
        assertThat(set.connection().port()).isEqualTo(25222);
        assertThat(empty.connection().port()).as("an empty variable takes the default, as in the shell").isEqualTo(5222);
    }

    @Test
    void aWrongTypeNamesTheKeyLineAndValue() throws IOException {
        ConfigProblem problem = onlyProblem(MINIMAL + """
                rooms:
                  - jid: lobby@conference.localhost
                    config:
                      members-only: yes please
                """);

        assertThat(problem.line()).isEqualTo(7);
        assertThat(problem.column()).isEqualTo(21);
        assertThat(problem.key()).isEqualTo("rooms[0].config.members-only");
        assertThat(problem.value()).isEqualTo("yes please");
        assertThat(problem.format()).isEqualTo("bot.yml:7:21: rooms[0].config.members-only: "
                + "expected a boolean (true or false), got 'yes please'");
    }

    @Test
    void aNumberOutOfRangeSaysTheRange() throws IOException {
        ConfigProblem problem = onlyProblem(MINIMAL + """
                rooms:
                  - jid: lobby@conference.localhost
                    config:
                      max-users: lots
                """);

        assertThat(problem.key()).isEqualTo("rooms[0].config.max-users");
        assertThat(problem.format()).endsWith("expected a whole number >= 1, got 'lots'");
    }

    @Test
    void aRoomsTimeZoneMustBeAZone() throws IOException {
        ConfigProblem problem = onlyProblem(MINIMAL + """
                rooms:
                  - jid: lobby@conference.localhost
                    time-zone: Mars/Olympus
                """);

        assertThat(problem.key()).isEqualTo("rooms[0].time-zone");
        assertThat(problem.format()).endsWith("expected a time zone such as Europe/Paris or UTC, got 'Mars/Olympus'");
    }

    @Test
    void anUnknownKeyListsTheExpectedOnesAndGuessesTheIntendedOne() throws IOException {
        ConfigProblem problem = onlyProblem("""
                connection:
                  jid: bot@localhost
                  password: ${MAJORDOME_PASSWORD}
                  ping-intervall: 30s
                """);

        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.column()).isEqualTo(3);
        assertThat(problem.key()).isEqualTo("connection.ping-intervall");
        assertThat(problem.message())
                .startsWith("unknown key 'ping-intervall' (did you mean 'ping-interval'?); expected one of: jid, password,")
                .contains("reply-timeout");
    }

    @Test
    void anUnknownKeyWrittenInAnotherCaseStyleIsRecognised() throws IOException {
        ConfigProblem problem = onlyProblem(MINIMAL + """
                runtime:
                  dataDirectory: data
                """);

        assertThat(problem.message()).startsWith("unknown key 'dataDirectory' (did you mean 'data-directory'?)");
    }

    @Test
    void anUnrelatedUnknownKeyGetsNoGuess() throws IOException {
        ConfigProblem problem = onlyProblem(MINIMAL + "colour: blue\n");

        assertThat(problem.key()).isEqualTo("colour");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.message())
                .isEqualTo("unknown key 'colour'; expected one of: connection, admins, runtime, dispatch, monitoring, rooms, invitations, cluster, web, plugins");
    }

    @Test
    void aMissingConnectionJidPointsAtTheConnectionSection() throws IOException {
        ConfigProblem problem = onlyProblem("""
                # the bot
                connection:
                  password: ${MAJORDOME_PASSWORD}
                """);

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.key()).isEqualTo("connection.jid");
        assertThat(problem.message()).isEqualTo("missing required key 'jid'");
        assertThat(problem.value()).isNull();
    }

    @Test
    void aMissingConnectionSectionIsReported() throws IOException {
        ConfigProblem problem = onlyProblem("rooms: []\n");

        assertThat(problem.key()).isEqualTo("connection");
        assertThat(problem.message()).isEqualTo("missing required key 'connection'");
    }

    @Test
    void roomJidsMustBeBareAndHaveALocalPart() throws IOException {
        List<ConfigProblem> problems = problems(MINIMAL + """
                rooms:
                  - jid: not a jid
                  - jid: conference.localhost
                  - jid: lobby@conference.localhost/Majordome
                """);

        assertThat(problems).extracting(ConfigProblem::line, ConfigProblem::key, ConfigProblem::value).containsExactly(
                tuple(5, "rooms[0].jid", "not a jid"),
                tuple(6, "rooms[1].jid", "conference.localhost"),
                tuple(7, "rooms[2].jid", "lobby@conference.localhost/Majordome"));
        assertThat(problems).allSatisfy(problem ->
                assertThat(problem.message()).isEqualTo("expected a bare JID of the form name@domain"));
    }

    @Test
    void anUnsetVariableIsNamedWithItsKeyAndNotReportedTwice() throws IOException {
        ConfigProblem problem = onlyProblem("""
                connection:
                  jid: ${BOT_JID}
                  password: ${MAJORDOME_PASSWORD}
                """);

        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.key()).isEqualTo("connection.jid");
        assertThat(problem.message()).isEqualTo("environment variable BOT_JID is not set");
    }

    @Test
    void anUnsetSecretVariableIsAnError() throws IOException {
        ConfigProblem problem = onlyProblem(MINIMAL + """
                rooms:
                  - jid: lobby@conference.localhost
                    password: ${UNSET_ROOM_PASSWORD}
                """);

        assertThat(problem.key()).isEqualTo("rooms[0].password");
        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.message()).isEqualTo("environment variable UNSET_ROOM_PASSWORD is not set");
    }

    @Test
    void anUnterminatedReferenceIsAnError() throws IOException {
        ConfigProblem problem = onlyProblem(MINIMAL.replace("${MAJORDOME_PASSWORD}", "'${MAJORDOME_PASSWORD'"));

        assertThat(problem.key()).isEqualTo("connection.password");
        assertThat(problem.message()).startsWith("unterminated '${'");
    }

    @Test
    void aBadDurationSaysWhatADurationLooksLike() throws IOException {
        ConfigProblem problem = onlyProblem(MINIMAL + """
                runtime:
                  reconcile-interval: soon
                """);

        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.key()).isEqualTo("runtime.reconcile-interval");
        assertThat(problem.format()).endsWith(
                "expected a positive duration such as 500ms, 30s, 5m, 1h30m, 1d or PT1M, got 'soon'");
    }

    @Test
    void aZeroDurationIsRejected() throws IOException {
        ConfigProblem problem = onlyProblem(MINIMAL + "  reply-timeout: 0s\n");

        assertThat(problem.key()).isEqualTo("connection.reply-timeout");
        assertThat(problem.value()).isEqualTo("0s");
    }

    @Test
    void aBadEnumValueListsTheAllowedOnes() throws IOException {
        ConfigProblem problem = onlyProblem(MINIMAL + "  tls: maybe\n");

        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.key()).isEqualTo("connection.tls");
        assertThat(problem.format()).endsWith("expected one of: required, if-possible, disabled, got 'maybe'");
    }

    @Test
    void aRoomListedTwiceIsAnErrorAtTheSecondOne() throws IOException {
        ConfigProblem problem = onlyProblem(MINIMAL + """
                rooms:
                  - jid: lobby@conference.localhost
                  - jid: Lobby@Conference.Localhost
                """);

        assertThat(problem.line()).isEqualTo(6);
        assertThat(problem.key()).isEqualTo("rooms[1].jid");
        assertThat(problem.message()).isEqualTo("room lobby@conference.localhost is already listed at line 5");
    }

    @Test
    void aDuplicateKeyIsAnError() throws IOException {
        ConfigProblem problem = onlyProblem(MINIMAL + "  port: 5222\n  port: 5223\n");

        assertThat(problem.line()).isEqualTo(5);
        assertThat(problem.key()).isEqualTo("connection.port");
        assertThat(problem.message()).isEqualTo("duplicate key 'port' (first set at line 4)");
    }

    @Test
    void aYamlSyntaxErrorGivesItsLine() throws IOException {
        ConfigProblem problem = onlyProblem("""
                connection:
                  jid: bot@localhost
                    password: oops
                """);

        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.key()).isEmpty();
        assertThat(problem.message()).startsWith("invalid YAML: mapping values are not allowed here");
    }

    @Test
    void anEmptyFileIsAnError() throws IOException {
        ConfigProblem problem = onlyProblem("# nothing but a comment\n");

        assertThat(problem.line()).isZero();
        assertThat(problem.message()).isEqualTo("the file is empty; it needs at least a 'connection' section");
        assertThat(problem.format()).isEqualTo("bot.yml: the file is empty; it needs at least a 'connection' section");
    }

    @Test
    void aDocumentThatIsNotAMappingIsOneProblem() throws IOException {
        ConfigProblem problem = onlyProblem("- just\n- a list\n");

        assertThat(problem.message()).isEqualTo("expected a mapping of keys to values, got a list");
    }

    @Test
    void aMissingFileIsAnError() {
        Path missing = directory.resolve("nowhere.yml");

        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> loader.load(missing));

        assertThat(failure.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo(missing);
            assertThat(problem.message()).isEqualTo("no such file");
        });
        assertThat(failure.getMessage()).isEqualTo("1 problem in " + missing + ":" + System.lineSeparator()
                + "  " + missing + ": no such file");
    }

    @Test
    void everyProblemIsReportedAtOnceInFileOrder() throws IOException {
        Path file = write("""
                connection:
                  jid: bot@localhost
                  password: ${MAJORDOME_PASSWORD}
                  port: 70000
                  tls: sometimes
                admins: [admin@localhost, nobody]
                runtime:
                  time-zone: Mars/Olympus
                rooms:
                  - jid: lobby@conference.localhost
                    plugins: [Core]
                    config:
                      history-length: -1
                      whois: everybody
                plugins:
                  Bad_Id: {}
                """);

        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> loader.load(file));

        assertThat(failure.problems()).extracting(ConfigProblem::line, ConfigProblem::key).containsExactly(
                tuple(4, "connection.port"),
                tuple(5, "connection.tls"),
                tuple(6, "admins[1]"),
                tuple(8, "runtime.time-zone"),
                tuple(11, "rooms[0].plugins[0]"),
                tuple(13, "rooms[0].config.history-length"),
                tuple(14, "rooms[0].config.whois"),
                tuple(16, "plugins.Bad_Id"));
        assertThat(failure.getMessage()).startsWith("8 problems in " + file + ":");
        assertThat(failure.getMessage().lines()).hasSize(9);
    }

    @Test
    void secretsNeverAppearInTheReport() throws IOException {
        Path file = write("""
                connection:
                  jid: ${MAJORDOME_PASSWORD}
                  password: ["${MAJORDOME_PASSWORD}"]
                rooms:
                  - jid: lobby@conference.localhost
                    config:
                      max-users: ${ROOM_PW}
                """);

        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> loader.load(file));

        assertThat(failure.getMessage()).doesNotContain(ROOM_PASSWORD).doesNotContain(BOT_PASSWORD);
        assertThat(failure.problems()).extracting(ConfigProblem::key, ConfigProblem::value).containsExactly(
                tuple("connection.jid", "${MAJORDOME_PASSWORD}"),
                tuple("connection.password", null),
                tuple("rooms[0].config.max-users", "${ROOM_PW}"));
    }

    @Test
    void aVariableInAFlowCollectionGetsAQuotingHint() throws IOException {
        ConfigProblem problem = onlyProblem(MINIMAL + "admins: [${ADMIN}]\n");

        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.message()).startsWith("invalid YAML: ").endsWith("write \"${VAR}\" in quotes");
    }

    @Test
    void secretsNeverAppearInToString() throws Exception {
        BotConfig config = loader.load(Path.of(getClass().getResource("/config/full-example.yml").toURI()));

        assertThat(config.toString())
                .doesNotContain(BOT_PASSWORD)
                .doesNotContain(ROOM_PASSWORD)
                .doesNotContain("s3cret-web-pw")
                .contains("environment variable MAJORDOME_PASSWORD");
    }

    @Test
    void aSecretReadFromAFileLosesItsTrailingNewline() throws Exception {
        Files.writeString(directory.resolve("bot-password"), "from-a-file\n");

        BotConfig config = loader.load(write("""
                connection:
                  jid: bot@localhost
                  password: {file: bot-password}
                """));

        assertThat(config.connection().password().reveal()).isEqualTo("from-a-file");
        assertThat(config.connection().password().origin())
                .isEqualTo("file " + directory.toAbsolutePath().resolve("bot-password"));
    }

    @Test
    void aMissingSecretFileIsAnErrorNamingTheFile() throws IOException {
        ConfigProblem problem = onlyProblem("""
                connection:
                  jid: bot@localhost
                  password:
                    file: /nonexistent/bot-password
                """);

        assertThat(problem.key()).isEqualTo("connection.password.file");
        assertThat(problem.message()).isEqualTo("secret file not found: /nonexistent/bot-password");
    }

    @Test
    void anEmptyBotPasswordIsRejected() throws IOException {
        ConfigProblem problem = onlyProblem(MINIMAL.replace("${MAJORDOME_PASSWORD}", "''"));

        assertThat(problem.key()).isEqualTo("connection.password");
        assertThat(problem.message()).isEqualTo("the password must not be empty");
    }

    @Test
    void aTrustedCertificateMustExist() throws Exception {
        Files.writeString(directory.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        assertThat(loader.load(write(MINIMAL + "  trusted-certificate: ca.pem\n")).connection().trustedCertificate())
                .contains(directory.toAbsolutePath().resolve("ca.pem"));

        ConfigProblem problem = onlyProblem(MINIMAL + "  trusted-certificate: missing.pem\n");

        assertThat(problem.key()).isEqualTo("connection.trusted-certificate");
        assertThat(problem.format()).isEqualTo("bot.yml:4:24: connection.trusted-certificate: no such file: "
                + directory.toAbsolutePath().resolve("missing.pem"));
    }

    @Test
    void boshTransportTakesTheServersBoshUrl() throws Exception {
        BotConfig config = loader.load(write(MINIMAL + BOSH));

        assertThat(config.connection().transport()).isEqualTo(Transport.BOSH);
        assertThat(config.connection().boshUrl()).contains(URI.create("https://xmpp.example.org:5281/http-bind"));
    }

    @Test
    void boshTransportWithoutAUrlIsRejected() throws IOException {
        ConfigProblem problem = onlyProblem(MINIMAL + "  transport: bosh\n");

        assertThat(problem.key()).isEqualTo("connection.transport");
        assertThat(problem.line()).isEqualTo(4);
        assertThat(problem.message()).contains("'transport: bosh' needs 'bosh-url'");
    }

    @Test
    void anUnknownTransportIsRejectedWithItsValue() throws IOException {
        ConfigProblem problem = onlyProblem(MINIMAL + "  transport: websocket\n");

        assertThat(problem.format()).isEqualTo("bot.yml:4:14: connection.transport: expected one of: tcp, bosh, "
                + "got 'websocket'");
    }

    @Test
    void aBoshUrlMustBeHttpOrHttpsWithAHostAndAPath() throws IOException {
        for (String url : List.of("ftp://xmpp.example.org/http-bind", "https://xmpp.example.org:5281",
                "http://bot:secret@xmpp.example.org/http-bind", "https://xmpp.example.org/http-bind?a=b",
                "http://[::1]:5280/http-bind", "xmpp.example.org/http-bind", "not a url")) {
            ConfigProblem problem = onlyProblem(MINIMAL + "  transport: bosh\n  bosh-url: " + url + "\n");

            assertThat(problem.key()).as(url).isEqualTo("connection.bosh-url");
            assertThat(problem.line()).as(url).isEqualTo(5);
            assertThat(problem.format()).as(url).isEqualTo("bot.yml:5:13: connection.bosh-url: expected "
                    + ConnectionReader.BOSH_URL_EXPECTED.toString() + ", got '" + url + "'");
        }
    }

    @Test
    void tcpOnlyKeysAreRejectedWithBosh() throws IOException {
        Files.writeString(directory.resolve("ca.pem"), "-----BEGIN CERTIFICATE-----\n");
        List<ConfigProblem> problems = problems(MINIMAL + BOSH + """
                  host: 127.0.0.1
                  port: 5222
                  tls: required
                  trusted-certificate: ca.pem
                """);

        assertThat(problems).extracting(ConfigProblem::key).containsExactly("connection.host", "connection.port",
                "connection.tls", "connection.trusted-certificate");
        assertThat(problems).allSatisfy(problem -> assertThat(problem.message())
                .startsWith(problem.key().substring("connection.".length()) + " applies to TCP only; with 'transport: bosh'"));
        assertThat(problems.get(0).format()).isEqualTo("bot.yml:6:9: connection.host: host applies to TCP only; with "
                + "'transport: bosh' bosh-url says where the server is, got '127.0.0.1'");
        assertThat(problems.get(2).message()).contains("https is encrypted, http is not");
        assertThat(problems.get(3).message()).contains("javax.net.ssl.trustStore");
    }

    @Test
    void aBoshUrlWithoutBoshTransportIsRejected() throws IOException {
        ConfigProblem problem = onlyProblem(MINIMAL + "  bosh-url: http://127.0.0.1:5280/http-bind\n");

        assertThat(problem.key()).isEqualTo("connection.bosh-url");
        assertThat(problem.message()).contains("used only with 'transport: bosh'");
    }

    @Test
    void roomsMustBeAList() throws IOException {
        ConfigProblem problem = onlyProblem(MINIMAL + "rooms: lobby@conference.localhost\n");

        assertThat(problem.key()).isEqualTo("rooms");
        assertThat(problem.format()).endsWith("expected a list, got 'lobby@conference.localhost'");
    }

    @Test
    void anEmptyValueOfARequiredKeyIsReported() throws IOException {
        ConfigProblem problem = onlyProblem(MINIMAL.replace("jid: bot@localhost", "jid:"));

        assertThat(problem.key()).isEqualTo("connection.jid");
        assertThat(problem.line()).isEqualTo(2);
        assertThat(problem.message()).isEqualTo("a value is required");
    }

    @Test
    void loadingIsRepeatable() throws Exception {
        Path file = write(MINIMAL);

        assertThat(loader.load(file)).isEqualTo(loader.load(file));
        assertThatThrownBy(() -> new ConfigLoader(Map.of()).load(file))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("MAJORDOME_PASSWORD is not set");
    }

    private ConfigProblem onlyProblem(String yaml) throws IOException {
        List<ConfigProblem> problems = problems(yaml);
        assertThat(problems).as("problems of%n%s", yaml).hasSize(1);
        return problems.getFirst();
    }

    private List<ConfigProblem> problems(String yaml) throws IOException {
        Path file = write(yaml);
        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> loader.load(file));
        assertThat(failure).as("a ConfigException for%n%s", yaml).isNotNull();
        failure.problems().forEach(problem -> assertThat(problem.file()).isEqualTo(file));
        return failure.problems().stream()
                .map(problem -> new ConfigProblem(Path.of("bot.yml"), problem.line(), problem.column(), problem.key(),
                        problem.value(), problem.message()))
                .toList();
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(directory.resolve("bot.yml"), yaml);
    }
}
