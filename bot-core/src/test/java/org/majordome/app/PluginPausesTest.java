package org.majordome.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.admin.AdminCommandCatalog;
import org.majordome.api.admin.AdminCommand;
import org.majordome.api.console.ConsoleSection;
import org.majordome.console.SectionCatalog;
import org.majordome.dispatch.NickChecks;
import org.majordome.schedule.SchedulerService;
import org.majordome.schedule.SchedulerSettings;
import org.majordome.store.Database;
import org.majordome.store.DatabaseSettings;
import org.majordome.store.DisabledPluginTable;

/**
 * Issue 19: a Java plugin disabled in the console stays disabled in every new generation (a reload) and after a
 * restart (the table), and offers no administration command and no console section until it is enabled.
 */
class PluginPausesTest {

    @TempDir
    Path dataDirectory;

    private final Clock clock = Clock.systemUTC();
    private Database database;
    private SchedulerService scheduler;
    private final AdminCommandCatalog adminCommands = new AdminCommandCatalog();
    private final SectionCatalog sections = new SectionCatalog();
    private final NickChecks nickChecks = new NickChecks();

    /** Records what is paused in a generation. */
    private static final class Generation implements PluginPauses.Target {
        final List<String> calls = new CopyOnWriteArrayList<>();

        @Override
        public void pause(String pluginId) {
            calls.add("pause " + pluginId);
        }

        @Override
        public void resume(String pluginId) {
            calls.add("resume " + pluginId);
        }
    }

    @BeforeEach
    void start() {
        database = Database.open(DatabaseSettings.embedded(dataDirectory));
        scheduler = SchedulerService.start(database, SchedulerSettings.defaults(), clock);
        AdminCommand command = mock(AdminCommand.class);
        when(command.node()).thenReturn("moderation/cases");
        adminCommands.forOwner("moderation").offer(command);
        ConsoleSection section = mock(ConsoleSection.class);
        when(section.id()).thenReturn("cases");
        sections.forOwner("moderation").offer(section);
        nickChecks.register("moderation", (room, nick) -> Optional.of("taken"));
    }

    @AfterEach
    void stop() {
        scheduler.close();
        database.close();
    }

    private PluginPauses pauses() {
        return new PluginPauses(Optional.of(new DisabledPluginTable(database)), scheduler, adminCommands, sections,
                nickChecks, clock);
    }

    @Test
    void aDisabledPluginStaysDisabledInTheNextGenerationAndAfterARestartUntilEnabled() {
        PluginPauses pauses = pauses();
        Generation first = new Generation();
        assertThat(pauses.disable("moderation", "root@example.org", first)).isTrue();
        assertThat(pauses.disable("moderation", "root@example.org", first)).isFalse();
        assertThat(first.calls).containsExactly("pause moderation");
        assertThat(adminCommands.command("moderation/cases")).isEmpty();
        assertThat(sections.section("cases")).isEmpty();
        assertThat(sections.sections()).isEmpty();
        assertThat(nickChecks.refusal("lobby@conference.example.org", "eve")).isEmpty();

        Generation reloaded = new Generation();
        pauses.applyTo(reloaded);
        assertThat(reloaded.calls).containsExactly("pause moderation");

        PluginPauses restarted = pauses();
        assertThat(restarted.disabled()).containsExactly("moderation");
        Generation afterRestart = new Generation();
        restarted.applyTo(afterRestart);
        assertThat(afterRestart.calls).containsExactly("pause moderation");

        assertThat(restarted.enable("moderation", "root@example.org", afterRestart)).isTrue();
        assertThat(afterRestart.calls).containsExactly("pause moderation", "resume moderation");
        assertThat(adminCommands.command("moderation/cases")).isPresent();
        assertThat(sections.section("cases")).isPresent();
        assertThat(nickChecks.refusal("lobby@conference.example.org", "eve")).contains("taken");
        assertThat(pauses().disabled()).isEmpty();
    }
}
