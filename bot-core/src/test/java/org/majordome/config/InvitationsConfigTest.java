package org.majordome.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.api.NoConfig;

/** The {@code invitations:} section: who may invite the bot, what invited rooms run, whether they are stored. */
class InvitationsConfigTest {

    private static final Function<DispatchSettings, KnownPlugins> PLUGINS = dispatch -> new KnownPlugins(
            Map.of("core", NoConfig.class, "dice", NoConfig.class), Set.of(), List.of());
    private static final String CONNECTION = """
            connection:
              jid: bot@localhost
              password: secret
            """;

    @TempDir
    Path directory;

    @Test
    void withoutTheSectionBotAdminsMayInviteAndInvitedRoomsRunNoPluginUntilTheBotStops() throws Exception {
        BotConfig config = new ConfigLoader(Map.of()).load(write(CONNECTION), PLUGINS);

        assertThat(config.invitations()).isEqualTo(InvitationSettings.defaults());
        assertThat(config.invitations().alsoFrom()).isEmpty();
        assertThat(config.invitations().plugins()).isEmpty();
        assertThat(config.invitations().keepAcrossRestarts()).isFalse();
    }

    @Test
    void theSectionNamesWhoElseMayInviteThePluginsAndWhetherRoomsOutliveARestart() throws Exception {
        BotConfig config = new ConfigLoader(Map.of()).load(write(CONNECTION + """
                invitations:
                  accept-from: [alice@localhost, bob@example.org]
                  plugins: [core, dice]
                  keep: across-restarts
                """), PLUGINS);

        assertThat(config.invitations().alsoFrom()).containsExactlyInAnyOrder(
                JidCreate.entityBareFrom("alice@localhost"), JidCreate.entityBareFrom("bob@example.org"));
        assertThat(config.invitations().plugins()).containsExactly("core", "dice");
        assertThat(config.invitations().keepAcrossRestarts()).isTrue();
    }

    @Test
    void anUnknownPluginABadJidABadKeepAndAnUnknownKeyAreEachReportedWithLineAndKey() throws IOException {
        ConfigException failure = catchThrowableOfType(ConfigException.class, () -> new ConfigLoader(Map.of())
                .load(write(CONNECTION + """
                        invitations:
                          accept-from: [alice@localhost, not a jid]
                          plugins: [core, karma]
                          keep: forever
                          persist: true
                        """), PLUGINS));

        List<ConfigProblem> problems = failure.problems();
        assertThat(problems).extracting(ConfigProblem::line, ConfigProblem::key, ConfigProblem::value).containsExactly(
                tuple(5, "invitations.accept-from[1]", "not a jid"),
                tuple(6, "invitations.plugins[1]", null),
                tuple(7, "invitations.keep", "forever"),
                tuple(8, "invitations.persist", null));
        assertThat(problems.get(1).message()).startsWith("unknown plugin 'karma' (known: ");
        assertThat(problems.get(3).message()).contains("unknown key 'persist'");
        assertThat(problems.get(2).message()).contains("'until-stop' or 'across-restarts'");
        assertThat(problems.getFirst().format()).endsWith("bot.yml:5:34: invitations.accept-from[1]: expected a bare JID "
                + "of the form name@domain, got 'not a jid'");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(directory.resolve("bot.yml"), yaml);
    }
}
