package org.majordome.xmpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.event.RoomJoinedEvent;
import org.majordome.app.RunningBot;
import org.majordome.config.BotConfig;
import org.majordome.config.ConnectionSettings;
import org.majordome.config.Secret;
import org.majordome.config.TlsMode;
import org.majordome.room.RoomStatus;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.RecordingEventSink;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/** The client connection (RFC 6120): TLS, SASL choices, wrong credentials and resource conflicts. */
@Proves(Feature.CONNECTION)
@ClassTemplate
class ConnectionIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension();

    private static BotConfig withConnection(BotConfig config, TlsMode tls, Set<String> avoidSasl, Secret password) {
        ConnectionSettings c = config.connection();
        return new BotConfig(config.source(), new ConnectionSettings(c.jid(), password, c.host(), c.port(), tls,
                c.trustedCertificate(), avoidSasl, c.resource(), c.nick(), c.pingInterval(), c.replyTimeout()),
                config.admins(), config.rooms(), config.runtime(), config.dispatch(), config.plugins());
    }

    /** RFC 6120 §5: with TLS required and the server's self-signed certificate trusted, the stream is encrypted. */
    @Test
    void requiredTlsWithATrustedCertificateEncryptsTheStream() {
        assertThat(servers.server().certificate()).as("the test server has a certificate (openssl installed)").isPresent();
        EntityBareJid room = servers.server().uniqueRoom("tls");
        BotConfig base = BotUnderTest.builder(servers.server()).room(room).config();
        BotConfig config = withConnection(base, TlsMode.REQUIRED, Set.of("SCRAM-SHA-1"), base.connection().password());

        try (RunningBot bot = RunningBot.start(config)) {
            await().atMost(Duration.ofSeconds(60)).until(bot.rooms()::allJoined);
            XMPPTCPConnection connection = (XMPPTCPConnection) bot.session().connection();
            assertThat(connection.isSecureConnection()).isTrue();
            assertThat(connection.getUsedSaslMechansism()).isNotEqualToIgnoringCase("SCRAM-SHA-1");
        }
    }

    /** Wrong credentials: the bot keeps running and retrying (a password fixed on the server lets it in). */
    @Test
    void wrongCredentialsAreRetriedNotFatal() {
        EntityBareJid room = servers.server().uniqueRoom("password");
        BotConfig base = BotUnderTest.builder(servers.server()).account("wrongpw").room(room).config();
        BotConfig config = withConnection(base, TlsMode.IF_POSSIBLE, Set.of(), new Secret("not-the-password", "test"));

        try (RunningBot bot = RunningBot.start(config)) {
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(60))
                    .until(() -> !bot.session().isOnline() && bot.isRunning());

            servers.server().unregister("wrongpw");
            servers.server().register("wrongpw", "not-the-password");

            await().atMost(Duration.ofSeconds(60)).until(bot.rooms()::allJoined);
        }
    }

    /**
     * Another client binds the bot's resource and the server closes the bot's stream with a conflict
     * (RFC 6120 §4.9.3.3): the bot comes back and rejoins its rooms instead of giving up.
     */
    @Test
    void comesBackAfterAResourceConflict() throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("conflict");
        RecordingEventSink events = new RecordingEventSink();
        BotConfig config = BotUnderTest.builder(servers.server()).room(room).config();
        try (RunningBot bot = RunningBot.start(config, List.of(events), List.of())) {
            await().atMost(Duration.ofSeconds(60)).until(bot.rooms()::allJoined);

            XMPPTCPConnection intruder = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(servers.server().domain())
                    .setHostAddressByNameOrIp(servers.server().host())
                    .setPort(servers.server().port())
                    .setSecurityMode(org.jivesoftware.smack.ConnectionConfiguration.SecurityMode.disabled)
                    .setUsernameAndPassword(BotUnderTest.ACCOUNT, BotUnderTest.PASSWORD)
                    .setResource(config.connection().resource())
                    .build());
            try {
                intruder.connect().login();
                await().atMost(Duration.ofSeconds(60)).until(() -> events.inRoom(room.toString(),
                        RoomJoinedEvent.class).size() >= 2);
                await().atMost(Duration.ofSeconds(60)).until(() -> bot.rooms().status().stream()
                        .allMatch(status -> status.state() == RoomStatus.State.JOINED));
            } finally {
                intruder.disconnect();
            }
        }
    }

    /**
     * XEP-0199 keepalive over TCP: the server hangs (SIGSTOP) with the stream open; the unanswered ping takes the bot
     * offline within the reply timeout, and it is back in its room once the server answers again (the keepalive
     * ping now runs beside the supervisor, which BOSH needs: {@link BoshTransportIT}).
     */
    @Test
    void keepaliveNoticesAHungServerAndTheBotComesBack() {
        EntityBareJid room = servers.server().uniqueRoom("hung");
        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).room(room).pingInterval(Duration.ofSeconds(1))
                .backoffMax(Duration.ofSeconds(1)).start()) {
            bot.awaitJoined(room);
            try {
                servers.server().freeze();
                await().atMost(Duration.ofSeconds(60)).until(() -> !bot.bot().session().isOnline());
            } finally {
                servers.server().thaw();
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.bot().session().isOnline());
            bot.awaitJoined(room);
        }
    }
}
