package org.majordome.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.disco.ServiceDiscoveryManager;
import org.jivesoftware.smackx.disco.packet.DiscoverInfo;
import org.jivesoftware.smackx.iqversion.VersionManager;
import org.jivesoftware.smackx.iqversion.packet.Version;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * The bot presents itself properly to other clients, on Prosody and ejabberd (issue 14 item 4): XEP-0030
 * service discovery names it a bot ({@code client/bot}, named after it), XEP-0092 tells its software and
 * version, and when it stops, the occupants of its rooms see it leave with the configured status text
 * (XEP-0045 §7.14, the unavailable presence's {@code status}).
 */
@Proves(Feature.IDENTITY)
@ClassTemplate
class BotIdentityIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension();

    @TempDir
    Path data;

    /** Smack's default identity made the bot "Smack", a {@code client/pc}: clients showed it as a person's PC. */
    @Test
    void discoveryCalledTheBotSmackOnAPcInsteadOfABotNamedAfterIt(TestClients clients) throws Exception {
        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).nick("Jeeves").dataDirectory(data).start()) {
            XmppTestClient user = clients.connect("curious");
            EntityFullJid botJid = botJid(bot);
            await().atMost(Duration.ofSeconds(60)).until(() -> isOnline(bot));

            DiscoverInfo info = ServiceDiscoveryManager.getInstanceFor(user.connection()).discoverInfo(botJid);

            assertThat(info.getIdentities()).extracting(DiscoverInfo.Identity::getCategory,
                    DiscoverInfo.Identity::getType, DiscoverInfo.Identity::getName)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("client", "bot", "Jeeves"));
            assertThat(info.containsFeature("jabber:iq:version")).isTrue();
        }
    }

    /** With no version set, Smack answered a XEP-0092 request {@code not-acceptable}. */
    @Test
    void aVersionRequestWasRefusedInsteadOfTellingMajordomeAndItsVersion(TestClients clients) throws Exception {
        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).dataDirectory(data).start()) {
            XmppTestClient user = clients.connect("versioned");
            await().atMost(Duration.ofSeconds(60)).until(() -> isOnline(bot));

            Version version = VersionManager.getInstanceFor(user.connection()).getVersion(botJid(bot));

            assertThat(version.getName()).isEqualTo("Majordome");
            assertThat(version.getVersion()).isEqualTo(SelfDescription.runtimeVersion()).isNotBlank()
                    .doesNotContain("Smack");
            assertThat(version.getOs()).isNull();
        }
    }

    /** The leave status was a fixed text nobody could change; occupants now read {@code runtime.leave-status}. */
    @Test
    void theLeaveStatusWasFixedNowOccupantsSeeTheConfiguredOneWhenTheBotStops(TestClients clients) {
        EntityBareJid room = servers.server().uniqueRoom("goodbye");
        XmppTestClient occupant = clients.connect("occupant");
        List<Presence> seen = new CopyOnWriteArrayList<>();
        occupant.connection().addAsyncStanzaListener(stanza -> seen.add((Presence) stanza),
                stanza -> stanza instanceof Presence presence && presence.getType() == Presence.Type.unavailable
                        && presence.getFrom() != null && room.equals(presence.getFrom().asBareJid()));
        BotUnderTest bot = BotUnderTest.builder(servers.server()).room(room).nick("Butler").dataDirectory(data)
                .leaveStatus("Back after maintenance").start();
        try (bot) {
            bot.awaitJoined(room);
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.status(room).ready());
            occupant.join(room, "occupant");
        }

        Presence goodbye = await("the bot's unavailable presence").atMost(Duration.ofSeconds(60))
                .until(() -> seen.stream().filter(presence -> "Butler".equals(
                        presence.getFrom().getResourceOrEmpty().toString())).findFirst().orElse(null),
                        presence -> presence != null);
        assertThat(goodbye.getStatus()).isEqualTo("Back after maintenance");
    }

    private static boolean isOnline(BotUnderTest bot) {
        return bot.bot().session().isOnline();
    }

    private static EntityFullJid botJid(BotUnderTest bot) throws Exception {
        return JidCreate.entityFullFrom(bot.config().connection().jid(), bot.config().connection().resource());
    }
}
