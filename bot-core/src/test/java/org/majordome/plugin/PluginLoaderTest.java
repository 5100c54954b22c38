package org.majordome.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.event.Role;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestRoom;

class PluginLoaderTest {

    private static final String LOBBY = "lobby@conference.example.org";

    private static final String DICE = """
            package com.example.dice;

            import org.majordome.api.NoConfig;
            import org.majordome.api.Plugin;
            import org.majordome.api.PluginContext;
            import org.majordome.api.command.Command;
            import org.majordome.api.command.CommandInvocation;
            import com.example.lib.Faces;

            public final class DicePlugin implements Plugin<NoConfig> {
                public String id() { return "dice"; }
                public Class<NoConfig> configType() { return NoConfig.class; }
                public void start(PluginContext<NoConfig> context) { }

                @Command(name = "roll", usage = "<sides>", help = "Rolls a loaded die.", minArgs = 1, maxArgs = 1)
                public void roll(CommandInvocation invocation) {
                    invocation.reply(invocation.sender().displayName() + " rolled "
                            + Faces.highest(Integer.parseInt(invocation.argument(0).orElseThrow())));
                }
            }
            """;

    /** A library class in a jar of its own, to prove that plugin jars of one directory see each other. */
    private static final String FACES = """
            package com.example.lib;

            public final class Faces {
                public static int highest(int sides) { return sides; }
            }
            """;

    private static final String OTHER_DICE = """
            package com.example.other;

            public final class OtherDice implements org.majordome.api.Plugin<org.majordome.api.NoConfig> {
                public String id() { return "dice"; }
                public Class<org.majordome.api.NoConfig> configType() { return org.majordome.api.NoConfig.class; }
                public void start(org.majordome.api.PluginContext<org.majordome.api.NoConfig> context) { }
            }
            """;

    private static final String THROWING = """
            package com.example.broken;

            public final class Throwing implements org.majordome.api.Plugin<org.majordome.api.NoConfig> {
                public Throwing() { throw new IllegalStateException("no database configured"); }
                public String id() { return "throwing"; }
                public Class<org.majordome.api.NoConfig> configType() { return org.majordome.api.NoConfig.class; }
                public void start(org.majordome.api.PluginContext<org.majordome.api.NoConfig> context) { }
            }
            """;

    @TempDir
    Path work;

    private Path plugins;
    private Path classes;
    private PluginJars jars;

    @BeforeEach
    void compileThirdPartyPlugins() throws IOException {
        plugins = Files.createDirectory(work.resolve("plugins"));
        jars = new PluginJars(work);
        classes = jars.compile("third-party", Map.of("com.example.dice.DicePlugin", DICE, "com.example.lib.Faces", FACES,
                "com.example.other.OtherDice", OTHER_DICE, "com.example.broken.Throwing", THROWING));
    }

    private Path diceJar() throws IOException {
        jars.jar(plugins, "dice-lib.jar", classes, List.of("com.example.lib.Faces"), null);
        return jars.jar(plugins, "dice.jar", classes, List.of("com.example.dice.DicePlugin"),
                "# the dice plugin\ncom.example.dice.DicePlugin   # loaded\n\n");
    }

    @Test
    void aThirdPartyJarIsLoadedAndItsCommandRunsThroughTheTestKit() throws IOException {
        diceJar();
        try (PluginCatalog catalog = PluginLoader.load(getClass().getClassLoader(), Optional.of(plugins))) {
            assertThat(catalog.problems()).isEmpty();
            DiscoveredPlugin dice = catalog.plugin("dice").orElseThrow();
            assertThat(dice.origin()).isEqualTo("dice.jar");
            assertThat(dice.plugin().getClass().getClassLoader()).isNotSameAs(getClass().getClassLoader());

            PluginTestKit kit = PluginTestKit.builder().plugin(dice.plugin()).room(LOBBY).start();
            TestRoom lobby = kit.room(LOBBY);
            lobby.join("alice", Role.PARTICIPANT);
            lobby.say("alice", "!roll 20");
            assertThat(lobby.botSaid()).containsExactly("alice rolled 20");
        }
    }

    @Test
    void brokenJarsAreProblemsNamingTheJarAndTheOthersStillLoad() throws IOException {
        diceJar();
        jars.jar(plugins, "missing-class.jar", classes, List.of(), "com.example.Missing\n");
        jars.jar(plugins, "throwing.jar", classes, List.of("com.example.broken.Throwing"), "com.example.broken.Throwing\n");
        jars.jar(plugins, "not-a-plugin.jar", classes, List.of("com.example.lib.Faces"), "com.example.lib.Faces\n");
        Files.writeString(plugins.resolve("corrupt.jar"), "this is not a zip file");

        try (PluginCatalog catalog = PluginLoader.load(getClass().getClassLoader(), Optional.of(plugins))) {
            assertThat(catalog.plugins()).extracting(DiscoveredPlugin::id).containsExactly("dice");
            assertThat(catalog.problems()).hasSize(4).satisfiesExactly(
                    corrupt -> assertThat(corrupt).startsWith("corrupt.jar: cannot read the jar: "),
                    missing -> assertThat(missing).isEqualTo(
                            "missing-class.jar: plugin class com.example.Missing is not in the jar (nor in the other plugin jars)"),
                    library -> assertThat(library).isEqualTo(
                            "not-a-plugin.jar: plugin class com.example.lib.Faces does not implement org.majordome.api.Plugin"),
                    throwing -> assertThat(throwing).isEqualTo("throwing.jar: plugin class com.example.broken.Throwing"
                            + " failed in its constructor: java.lang.IllegalStateException: no database configured"));
        }
    }

    @Test
    void twoPluginsWithOneIdAreAProblemAndOnlyTheFirstIsKept() throws IOException {
        diceJar();
        jars.jar(plugins, "other-dice.jar", classes, List.of("com.example.other.OtherDice"), "com.example.other.OtherDice\n");

        try (PluginCatalog catalog = PluginLoader.load(getClass().getClassLoader(), Optional.of(plugins))) {
            assertThat(catalog.plugins()).extracting(DiscoveredPlugin::origin).containsExactly("dice.jar");
            assertThat(catalog.problems()).containsExactly("plugin id 'dice' is used by both com.example.dice.DicePlugin"
                    + " (dice.jar) and com.example.other.OtherDice (other-dice.jar); remove one of them");
        }
    }

    @Test
    void builtInsComeFromTheApplicationClassPathAndWinOverAJarWithTheSameId() throws IOException {
        Path builtInClasses = jars.compile("built-in", Map.of("com.example.other.OtherDice", OTHER_DICE));
        Path services = builtInClasses.resolve(PluginLoader.SERVICE_FILE);
        Files.createDirectories(services.getParent());
        Files.writeString(services, "com.example.other.OtherDice\n");
        diceJar();

        try (URLClassLoader application = new URLClassLoader(new java.net.URL[] {builtInClasses.toUri().toURL()},
                getClass().getClassLoader());
             PluginCatalog catalog = PluginLoader.load(application, Optional.of(plugins))) {
            assertThat(catalog.plugins()).extracting(DiscoveredPlugin::origin).containsExactly(DiscoveredPlugin.BUILT_IN);
            assertThat(catalog.problems()).containsExactly("plugin id 'dice' is used by both com.example.other.OtherDice"
                    + " (built-in) and com.example.dice.DicePlugin (dice.jar); remove one of them");
        }
    }

    @Test
    void aMissingDirectoryIsAProblemAndNoDirectoryIsFine() {
        try (PluginCatalog missing = PluginLoader.load(getClass().getClassLoader(), Optional.of(work.resolve("nowhere")));
             PluginCatalog none = PluginLoader.load(getClass().getClassLoader(), Optional.empty())) {
            assertThat(missing.problems()).containsExactly(
                    "plugin directory " + work.resolve("nowhere") + " does not exist or is not a directory");
            assertThat(none.problems()).isEmpty();
            assertThat(none.plugins()).as("bot-core ships no plugins").isEmpty();
        }
    }
}
