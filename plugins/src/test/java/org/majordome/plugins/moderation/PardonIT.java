package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.OccupantJoinedEvent;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.ServerKind;
import org.majordome.testing.ServerSettings;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * User scenario (issue 22 item 8): an occupant earns points, a moderator pardons them, by real JID and by nick,
 * and their next offence starts again from the ladder's first rung (a warning), the one after climbing as usual
 * (a mute: XEP-0045 §8.4 voice revoked).
 *
 * <p>The servers differ in how the bot knows an occupant: Prosody 0.12 gives every occupant an occupant id
 * (XEP-0421), under which the plugin keeps the record, so a pardon by JID has to find the occupant id seen with
 * that JID (the bug: it cleared a record under the JID only); ejabberd 23.01 has no occupant ids, and the record
 * is held under the real JID. The test asserts which one the bot saw, and that the pardon holds on both.
 */
@Proves(Feature.MODERATION_ACTIONS)
@ClassTemplate
class PardonIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults());

    private static final String BOT_NICK = "Majordome";

    /** Regression: {@code !pardon <jid>} said the record was clean while the points stayed under the occupant id. */
    @Test
    void aPardonByJidOrByNickRestartsTheLadderFromTheFirstRung(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("pardon");
        Path data = Files.createTempDirectory(Path.of("target"), "pardon-it");
        XmppTestClient boss = clients.connect("boss");
        // A word worth 2 points on the default ladder: a warning (1 point), then a mute (3 points).
        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).room(room, "moderation")
                .admin(boss.bareJid()).dataDirectory(data).nick(BOT_NICK)
                .pluginConfig("moderation", """
                        words: {words: [forbidden], points: 2}
                        """).start()) {
            bot.awaitJoined(room);
            // Prosody keeps a new room locked until the bot has submitted its configuration.
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.status(room).ready());
            MultiUserChat bossRoom = boss.join(room, "boss");
            XmppTestClient alice = clients.connect("alice");
            alice.join(room, "alice");
            XmppTestClient bob = clients.connect("bob");
            bob.join(room, "bob");

            await().atMost(Duration.ofSeconds(60)).until(() -> seenJoining(bot, "alice").isPresent());
            Optional<String> occupantId = seenJoining(bot, "alice").flatMap(Occupant::occupantId);
            assertThat(occupantId.isPresent()).as("an XEP-0421 occupant id for alice")
                    .isEqualTo(servers.kind() == ServerKind.PROSODY);

            pardonRestartsTheLadder(room, boss, bossRoom, alice, "alice", alice.bareJid().toString());
            pardonRestartsTheLadder(room, boss, bossRoom, bob, "bob", "bob");
        }
    }

    private static Optional<Occupant> seenJoining(BotUnderTest bot, String nick) {
        return bot.events().ofType(OccupantJoinedEvent.class).stream().map(OccupantJoinedEvent::occupant)
                .filter(occupant -> occupant.nick().equals(nick)).findFirst();
    }

    /** First offence (a warning), the pardon, then a warning again and only then a mute. */
    private static void pardonRestartsTheLadder(EntityBareJid room, XmppTestClient boss, MultiUserChat bossRoom,
                                                XmppTestClient offender, String nick, String pardoned) {
        int warnings = warnings(boss, room);
        // Each says something of their own: the same text from two occupants would look like a raid.
        offender.say(room, nick + " says a forbidden word");
        awaitWarningOrMute(boss, bossRoom, room, nick, warnings);

        int answers = fromBot(boss, room);
        boss.say(room, "!pardon " + pardoned + " says sorry");
        await("the pardon's answer").atMost(Duration.ofSeconds(60)).until(() -> fromBot(boss, room) > answers);

        warnings = warnings(boss, room);
        offender.say(room, nick + " says another forbidden word");
        awaitWarningOrMute(boss, bossRoom, room, nick, warnings);
        assertThat(role(bossRoom, room, nick)).as(nick + "'s second offence, after the pardon, is a warning")
                .isEqualTo(MUCRole.participant);

        offender.say(room, nick + " says forbidden again");
        await(nick + " muted").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> role(bossRoom, room, nick) == MUCRole.visitor);
    }

    private static void awaitWarningOrMute(XmppTestClient boss, MultiUserChat bossRoom, EntityBareJid room,
                                           String nick, int warningsBefore) {
        await(nick + " warned or muted").atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> warnings(boss, room) > warningsBefore || role(bossRoom, room, nick) == MUCRole.visitor);
    }

    /** The bot's messages in the room naming the word broken: its warnings. */
    private static int warnings(XmppTestClient client, EntityBareJid room) {
        return (int) client.receivedFrom(room).stream().filter(PardonIT::fromBot)
                .filter(message -> message.getBody().contains("'forbidden'")).count();
    }

    private static int fromBot(XmppTestClient client, EntityBareJid room) {
        return (int) client.receivedFrom(room).stream().filter(PardonIT::fromBot).count();
    }

    private static boolean fromBot(Message message) {
        return message.getFrom().getResourceOrEmpty().toString().equals(BOT_NICK);
    }

    private static MUCRole role(MultiUserChat muc, EntityBareJid room, String nick) {
        org.jivesoftware.smackx.muc.Occupant occupant = muc.getOccupant(
                JidCreate.entityFullFrom(room, Resourcepart.fromOrThrowUnchecked(nick)));
        return occupant == null ? null : occupant.getRole();
    }
}
