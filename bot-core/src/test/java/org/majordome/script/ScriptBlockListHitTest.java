package org.majordome.script;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.NoConfig;
import org.majordome.api.Plugin;
import org.majordome.api.PluginContext;
import org.majordome.api.command.Command;
import org.majordome.api.command.CommandInvocation;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.BlockListHitEvent;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.Role;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestRoom;

/**
 * An event a Java plugin raises ({@code PluginContext.publish}), such as the moderation plugin's block-list hit,
 * reaches scripts like the bot's own events, with its fields.
 */
class ScriptBlockListHitTest {

    @TempDir
    Path temp;
    private ScriptFixture scripts;

    /** Raises a block-list hit for the nick it is given. */
    public static final class HitRaiser implements Plugin<NoConfig> {
        private volatile PluginContext<NoConfig> context;

        @Override
        public String id() {
            return "raiser";
        }

        @Override
        public Class<NoConfig> configType() {
            return NoConfig.class;
        }

        @Override
        public void start(PluginContext<NoConfig> context) {
            this.context = context;
        }

        @Command(name = "hit", help = "Raises a block-list hit.", minArgs = 1)
        public void hit(CommandInvocation invocation) {
            String nick = invocation.argument(0).orElseThrow();
            context.publish(new BlockListHitEvent(invocation.room().orElseThrow().roomJid(),
                    new Occupant(nick, Optional.of(nick + "@spam.example"), Optional.empty(), Role.PARTICIPANT,
                            Affiliation.NONE), "pubsub.example.org/muc_bans_sha256", "spam.example", "ban",
                    context.clock().instant()));
        }
    }

    @AfterEach
    void tearDown() {
        if (scripts != null) {
            scripts.close();
        }
    }

    @Test
    void aScriptHearsABlockListHitRaisedByAPlugin() throws Exception {
        scripts = new ScriptFixture(Files.createDirectory(temp.resolve("scripts"))).plugin(new HitRaiser());
        scripts.write("hits.js", """
                bot.onEvent('BlockListHit', e => {
                    e.room.send(e.occupant.nick + ' matched ' + e.matched + ' on ' + e.list + ': ' + e.action);
                });
                """);
        PluginTestKit kit = scripts.start();
        TestRoom room = kit.room(ScriptFixture.ROOM);
        room.join("alice", Role.PARTICIPANT);

        room.say("alice", "!hit mallory");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(room.botSaid())
                .contains("mallory matched spam.example on pubsub.example.org/muc_bans_sha256: ban"));
    }
}
