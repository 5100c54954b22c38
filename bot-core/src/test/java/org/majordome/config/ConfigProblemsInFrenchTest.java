package org.majordome.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.NoConfig;
import org.majordome.api.text.Wording;
import org.majordome.text.TextService;

/**
 * Issue 20: the configuration checker's problems were English whatever the reader's language; each converted check
 * is worded in the reader's language, the location written as in English, and English stays as it was.
 */
class ConfigProblemsInFrenchTest {

    private static final Wording FRENCH = TextService.runtimeWording(Locale.FRENCH, ZoneOffset.UTC);
    private static final Function<DispatchSettings, KnownPlugins> PLUGINS = dispatch -> new KnownPlugins(
            Map.of("greeter", NoConfig.class), Set.of(), List.of(), Map.of("greeter", Map.of("hello", "Hello {0}")));

    @TempDir
    Path directory;

    @Test
    void theReadersSectionsAndPluginsProblemsAreFrenchAndTheFileAsksForFrench() throws Exception {
        Path file = Files.writeString(directory.resolve("bot.yml"), """
                connection:
                  jid: bot@localhost
                  password: ${MAJORDOME_TEST_NEVER_SET}
                runtime:
                  language: fr
                rooms:
                  - jid: lobby@conference.localhost
                    plugins: [greeter, nosuch]
                    texts:
                      greeter:
                        hello: "Bonjour"
                    nik: Majordome
                  - jid: lobby@conference.localhost
                """);

        ConfigException failure = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader(Map.of()).load(file, PLUGINS));

        assertThat(failure.language()).contains(Locale.FRENCH);
        assertThat(failure.report(FRENCH)).startsWith("5 problèmes dans " + file + "\u00a0:").contains(
                file + ":3:13: connection.password: la variable d’environnement MAJORDOME_TEST_NEVER_SET n’est pas "
                        + "définie",
                ": rooms[0].plugins[1]: plugin inconnu «\u00a0nosuch\u00a0» (plugins connus\u00a0: [greeter])",
                ": rooms[0].texts.greeter.hello: ses paramètres (aucun) ne correspondent pas à ceux du texte qu’il "
                        + "remplace, {0}",
                ": rooms[0].nik: clé inconnue «\u00a0nik\u00a0» (vouliez-vous dire «\u00a0nick\u00a0»\u00a0?)\u00a0; "
                        + "clés possibles\u00a0: ",
                ": rooms[1].jid: le salon lobby@conference.localhost figure déjà à la ligne 7");
        assertThat(failure.getMessage()).startsWith("5 problems in " + file + ":")
                .contains("environment variable MAJORDOME_TEST_NEVER_SET is not set",
                        "unknown plugin 'nosuch' (known: [greeter])", "unknown key 'nik' (did you mean 'nick'?)",
                        "room lobby@conference.localhost is already listed at line 7");
    }
}
