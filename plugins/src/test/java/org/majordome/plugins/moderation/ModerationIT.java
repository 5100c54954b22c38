package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.ProsodyExtension;
import org.majordome.testing.ProsodyServer;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;

/**
 * The moderation plugin in the real bot against a real Prosody, with its default configuration: a flood
 * from a real client climbs the ladder (XEP-0045 §8.4 voice revoked), and the cases survive a restart.
 */
class ModerationIT {

    @RegisterExtension
    static final ProsodyExtension prosody = new ProsodyExtension(ProsodyServer.builder());

    @Test
    void aFloodIsActionedAndItsCasesSurviveARestart(TestClients clients) throws Exception {
        EntityBareJid room = prosody.server().uniqueRoom("moderated");
        Path data = Files.createTempDirectory(Path.of("target"), "moderation-it");
        XmppTestClient boss = clients.connect("boss");
        BotUnderTest.Builder builder = BotUnderTest.builder(prosody.server()).room(room, "moderation")
                .admin(boss.bareJid()).dataDirectory(data);

        try (BotUnderTest bot = builder.start()) {
            bot.awaitJoined(room);
            XmppTestClient flooder = clients.connect("flooder");
            XmppTestClient bystander = clients.connect("bystander");
            MultiUserChat flooderRoom = flooder.join(room, "flooder");
            bystander.join(room, "bystander");
            // Default flood rule: more than 6 messages in 4 s, 2 points; ladder: warn at 1, mute at 3.
            for (int i = 0; i < 14; i++) {
                flooder.say(room, "message number " + (char) ('a' + i) + " of a flood");
            }
            bystander.awaitMessage("the warning", message -> message.getBody() != null
                    && message.getBody().contains("flooder, please stop: flood"));
            // The plugin is discovered like any built-in one; the second flood mutes (voice revoked).
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(flooderRoom.getOccupant(
                    JidCreate.entityFullFrom(room + "/flooder")).getRole()).isEqualTo(MUCRole.visitor));
        }

        try (BotUnderTest bot = builder.start()) {
            bot.awaitJoined(room);
            boss.join(room, "boss");
            boss.say(room, "!cases flooder");
            Message answer = boss.awaitMessage("the case list", message -> message.getBody() != null
                    && message.getBody().contains("#2"));
            assertThat(answer.getBody()).contains("flooder: flood → ").contains("mute 10m")
                    .contains("#1").contains("flooder: flood → warn");
        }
    }
}
