package org.majordome.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.NoConfig;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.event.AppealDecidedEvent;
import org.majordome.api.event.AppealFiledEvent;
import org.majordome.api.event.Role;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestRoom;

/**
 * Events a Java plugin publishes ({@link PluginContext#publish}, e.g. the moderation plugin's appeals) reach
 * scripts like the server's events, as {@code AppealFiled} and {@code AppealDecided}.
 */
class ScriptPluginEventTest {

    @TempDir
    Path temp;
    private ScriptFixture scripts;

    /** Publishes an appeal filed and one decided when told to. */
    public static final class Publisher implements Plugin<NoConfig> {
        private volatile PluginContext<NoConfig> context;

        @Override
        public String id() {
            return "publisher";
        }

        @Override
        public Class<NoConfig> configType() {
            return NoConfig.class;
        }

        @Override
        public void start(PluginContext<NoConfig> context) {
            this.context = context;
        }

        @Command(name = "publish", help = "publishes two appeal events")
        public void publish(CommandInvocation invocation) {
            String room = invocation.room().orElseThrow().roomJid();
            context.publish(new AppealFiledEvent(room, 12, Optional.of("mallory@example.org"), "mallory", "ban",
                    "it was not me", context.clock().instant()));
            context.publish(new AppealDecidedEvent(room, 12, Optional.of("mallory@example.org"), "mallory", true,
                    "boss", "", context.clock().instant()));
        }
    }

    @AfterEach
    void tearDown() {
        if (scripts != null) {
            scripts.close();
        }
    }

    @Test
    void aScriptSeesTheAppealEventsAPluginPublishes() throws Exception {
        scripts = new ScriptFixture(Files.createDirectory(temp.resolve("scripts")));
        scripts.write("appeals.js", """
                bot.onEvent('AppealFiled', e => e.room.send('appeal of #' + e.caseNumber + ' by ' + e.appellantJid
                    + ' (' + e.sanction + '): ' + e.text));
                bot.onEvent('AppealDecided', e => e.room.send('#' + e.caseNumber + (e.accepted ? ' lifted' : ' kept')
                    + ' by ' + e.moderator));
                """);
        PluginTestKit kit = scripts.plugin(new Publisher()).start();
        TestRoom room = kit.room(ScriptFixture.ROOM);
        room.join("boss", Role.MODERATOR);

        room.say("boss", "!publish");

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> room.botSaid().size() >= 2);
        assertThat(room.botSaid()).containsExactly("appeal of #12 by mallory@example.org (ban): it was not me",
                "#12 lifted by boss");
    }
}
