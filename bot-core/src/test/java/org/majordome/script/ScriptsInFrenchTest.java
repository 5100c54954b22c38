package org.majordome.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.event.Role;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestOccupant;
import org.majordome.testkit.TestRoom;

/** Issue 20: {@code !scripts} answered in English in a French room: its list, its refusals and its help. */
class ScriptsInFrenchTest {

    private static final String NB = "\u00a0";

    @TempDir
    Path temp;
    private ScriptFixture scripts;

    @AfterEach
    void tearDown() {
        if (scripts != null) {
            scripts.close();
        }
    }

    @Test
    void scriptsAnsweredInEnglishInAFrenchRoom() throws Exception {
        scripts = new ScriptFixture(Files.createDirectory(temp.resolve("scripts")));
        scripts.write("hello.js", "bot.command({name: 'hello', help: 'greets'}, c => c.reply('bonjour'));");
        PluginTestKit kit = scripts.start();
        TestRoom salon = kit.room(ScriptFixture.ROOM).withLanguage(Locale.FRENCH);
        salon.join(TestOccupant.nick("root").role(Role.MODERATOR).realJid("admin@example.org"));

        salon.clearActions();
        salon.say("root", "!scripts");
        assertThat(salon.botSaid()).containsExactly("hello" + NB + ": en service (0 gestionnaire d’évènements, "
                + "1 commande, 0 tâche planifiée)");

        salon.clearActions();
        salon.say("root", "!scripts reload nothere");
        assertThat(salon.botSaid()).containsExactly("Pas de script «" + NB + "nothere" + NB + "» (scripts connus" + NB
                + ": hello)");

        salon.clearActions();
        salon.say("root", "!scripts frobnicate");
        assertThat(salon.botSaid()).containsExactly("Utilisation" + NB + ": scripts [reload [id]]");

        salon.clearActions();
        salon.say("root", "!help scripts");
        assertThat(salon.botSaid()).singleElement().asString()
                .startsWith("!scripts [reload [id]] — Liste les plugins JavaScript, ou les recharge depuis leurs fichiers.");
    }
}
