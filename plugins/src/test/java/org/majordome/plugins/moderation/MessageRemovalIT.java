package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.room.Feature;
import org.majordome.api.room.RoomHandle;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.ProsodyExtension;
import org.majordome.testing.ProsodyServer;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Proves;

/**
 * XEP-0425 message moderation for real (issue 14 item 2): a message a moderation rule removes is retracted
 * for every occupant. Another occupant's client receives the room's moderation announcement, a XEP-0422
 * fastening {@code apply-to} naming the message's stanza id (XEP-0359, the room's) and holding a
 * {@code moderated} element with a XEP-0424 {@code retract}, and the case records the removal.
 *
 * <p>Prosody only: message moderation there is the community module {@code mod_muc_moderation} (Debian package
 * {@code prosody-modules}, with {@code mod_muc_mam} whose archive it looks the message up in), which announces and
 * accepts only {@code urn:xmpp:message-moderate:0} inside the fastening. ejabberd 23.01, the version the tests
 * run, has no XEP-0425 at all (it came with 23.04); {@link MessageRemovalFallbackIT} proves the fallback there
 * and on Prosody without the module.
 */
@Proves(org.majordome.testing.support.Feature.MESSAGE_REMOVAL)
class MessageRemovalIT {

    private static final String MODERATE_V0 = "urn:xmpp:message-moderate:0";

    @RegisterExtension
    static final ProsodyExtension prosody = new ProsodyExtension(ProsodyServer.builder().messageModeration());

    @TempDir
    Path data;

    /** The room announces the fastening version only: the bot must speak that one, not {@code :1}. */
    @Test
    void theModuleAnnouncesTheFastenedVersionOnly(TestClients clients) throws Exception {
        EntityBareJid room = prosody.server().uniqueRoom("announces");
        XmppTestClient owner = clients.connect("announcer");
        owner.join(room, "announcer");

        var features = ServiceDiscoveryManager.getInstanceFor(owner.connection()).discoverInfo(room).getFeatures()
                .stream().map(feature -> feature.getVar()).toList();

        assertThat(features).contains(MODERATE_V0).doesNotContain("urn:xmpp:message-moderate:1");
    }

    @Test
    void aMessageARuleRemovesIsRetractedForEveryOccupantAndTheCaseSaysRemoved(TestClients clients) {
        EntityBareJid room = prosody.server().uniqueRoom("removal");
        XmppTestClient boss = clients.connect("boss");
        try (BotUnderTest bot = BotUnderTest.builder(prosody.server()).room(room, "moderation").dataDirectory(data)
                .admin(boss.bareJid())
                .pluginConfig("moderation", """
                        words: {words: [forbidden], action: remove}
                        """).start()) {
            bot.awaitJoined(room);
            RoomHandle handle = bot.bot().rooms().room(room.toString()).orElseThrow();
            await().atMost(Duration.ofSeconds(60)).until(() -> handle.supports(Feature.MESSAGE_MODERATION));
            XmppTestClient bystander = clients.connect("bystander");
            bystander.join(room, "bystander");
            XmppTestClient spammer = clients.connect("spammer");
            spammer.join(room, "spammer");

            spammer.say(room, "buy this forbidden thing");

            Message offending = bystander.awaitBodyFrom(room, "buy this forbidden thing");
            String stanzaId = Retractions.roomStanzaId(offending, room).orElseThrow(() ->
                    new AssertionError("the room gave the message no stanza id: " + offending.toXML()));
            Message tombstone = bystander.awaitMessage("the moderation of " + stanzaId,
                    message -> Retractions.isModerationOf(message, room, stanzaId));
            assertThat(tombstone.toXML().toString()).contains(MODERATE_V0).contains("urn:xmpp:message-retract:0")
                    .contains("moderated");

            boss.join(room, "boss");
            boss.say(room, "!cases spammer");
            Message answer = boss.awaitMessage("the case list", message -> message.getBody() != null
                    && message.getBody().contains("#1"));
            assertThat(answer.getBody()).contains("spammer: words").contains("→ remove")
                    .doesNotContain("not removed").doesNotContain("not supported");
        }
    }
}
