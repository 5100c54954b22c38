package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.api.room.Feature;
import org.majordome.api.room.RoomHandle;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.ServerKind;
import org.majordome.testing.support.Proves;

/**
 * The documented fallback where a room offers no XEP-0425 message moderation (issue 14 item 2, README
 * "Moderation": a rung the server lacks falls back to the next rung configured, and the case says so): on
 * ejabberd 23.01 (XEP-0425 came with 23.04) and on Prosody without the community module
 * {@code mod_muc_moderation} (the harness's default), a rule whose action is {@code remove} leaves the message
 * in place, mutes instead (the next rung of the default ladder, XEP-0045 §8.4) and the case says the removal
 * was not supported. {@link MessageRemovalIT} proves the removal itself on Prosody with the module.
 */
@Proves(value = org.majordome.testing.support.Feature.MESSAGE_REMOVAL, fallbackOn = {ServerKind.PROSODY, ServerKind.EJABBERD})
@ClassTemplate
class MessageRemovalFallbackIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension();

    @TempDir
    Path data;

    @Test
    void withoutMessageModerationTheMessageStaysTheNextRungAppliesAndTheCaseSaysSo(TestClients clients)
            throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("no-removal");
        XmppTestClient boss = clients.connect("boss");
        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).room(room, "moderation").dataDirectory(data)
                .admin(boss.bareJid())
                .pluginConfig("moderation", """
                        words: {words: [forbidden], action: remove}
                        """).start()) {
            bot.awaitJoined(room);
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.status(room).ready());
            RoomHandle handle = bot.bot().rooms().room(room.toString()).orElseThrow();
            assertThat(handle.supports(Feature.MESSAGE_MODERATION)).as("the room offers XEP-0425").isFalse();
            XmppTestClient bystander = clients.connect("bystander");
            MultiUserChat bystanderRoom = bystander.join(room, "bystander");
            XmppTestClient spammer = clients.connect("spammer");
            spammer.join(room, "spammer");

            spammer.say(room, "buy this forbidden thing");

            bystander.awaitBodyFrom(room, "buy this forbidden thing");
            // The next rung of the default ladder after remove: mute 10 min (voice revoked).
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(bystanderRoom.getOccupant(
                    JidCreate.entityFullFrom(room + "/spammer")).getRole()).isEqualTo(MUCRole.visitor));
            boss.join(room, "boss");
            boss.say(room, "!cases spammer");
            Message answer = boss.awaitMessage("the case list", message -> message.getBody() != null
                    && message.getBody().contains("#1"));
            assertThat(answer.getBody()).contains("spammer: words").contains("→ mute 10m")
                    .contains("remove not supported").contains("mute instead");
            assertThat(bystander.received()).noneMatch(message -> Retractions.isAnyModeration(message, room));
        }
    }
}
