package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.packet.MUCUser;
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
    static final ProsodyExtension prosody = new ProsodyExtension(ProsodyServer.builder()
            .globalConfig("admins = { \"owner@localhost\" }"));

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
            XmppTestClient owner = clients.connect("owner");   // a server admin: owner, so moderator, in every room
            MultiUserChat flooderRoom = flooder.join(room, "flooder");
            MultiUserChat bystanderRoom = bystander.join(room, "bystander");
            owner.join(room, "owner");
            // Default flood rule: more than 6 messages in 4 s, 2 points; ladder: warn at 1, mute at 3.
            bystander.say(room, "hello everyone");
            String[] remarks = {"did anyone try the new release?", "the meeting is on Thursday, right?",
                "I'll bring the slides"};
            for (int i = 0; i < 14; i++) {
                flooder.say(room, "message number " + (char) ('a' + i) + " of a flood");
                owner.say(room, "moderator note " + (char) ('a' + i) + " in a hurry");
                if (i % 5 == 0) {
                    bystander.say(room, remarks[i / 5]);
                }
            }
            bystander.awaitMessage("the warning", message -> message.getBody() != null
                    && message.getBody().startsWith("flooder, please stop: flood"));
            // The plugin is discovered like any built-in one; the second flood mutes (voice revoked).
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(flooderRoom.getOccupant(
                    JidCreate.entityFullFrom(room + "/flooder")).getRole()).isEqualTo(MUCRole.visitor));
            // The moderator sent just as much and the innocent participant talked normally: neither is touched.
            assertThat(bystander.bodiesFrom(room)).noneMatch(body -> body != null
                    && (body.contains("owner, please stop") || body.contains("bystander, please stop")));
            assertThat(bystanderRoom.getOccupant(JidCreate.entityFullFrom(room + "/owner")).getRole())
                    .isEqualTo(MUCRole.moderator);
            assertThat(bystanderRoom.getOccupant(JidCreate.entityFullFrom(room + "/bystander")).getRole())
                    .isEqualTo(MUCRole.participant);
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

    /**
     * Issue 13 item 6: a muted user was told nothing. The role change now carries the rule and the case number
     * (the item's reason, XEP-0045 §8.4, which Prosody passes on with the new role), and the user gets one
     * private message (§7.5) saying for how long.
     */
    @Test
    void aMutedUserIsToldWhyInTheRoleChangeAndForHowLongPrivately(TestClients clients) throws Exception {
        EntityBareJid room = prosody.server().uniqueRoom("told");
        Path data = Files.createTempDirectory(Path.of("target"), "moderation-told-it");
        try (BotUnderTest bot = BotUnderTest.builder(prosody.server()).room(room, "moderation").dataDirectory(data)
                .pluginConfig("moderation", """
                        words: {words: [forbidden], action: mute}
                        """).start()) {
            bot.awaitJoined(room);
            XmppTestClient offender = clients.connect("told");
            List<String> reasons = new CopyOnWriteArrayList<>();
            offender.connection().addAsyncStanzaListener(stanza -> {
                MUCUser user = MUCUser.from(stanza);
                if (user != null && user.getItem() != null && user.getItem().getReason() != null) {
                    reasons.add(user.getItem().getReason());
                }
            }, stanza -> stanza instanceof Presence);
            offender.join(room, "told");
            offender.say(room, "a forbidden word");

            Message notice = offender.awaitMessage("the mute notice", message -> message.getBody() != null
                    && message.getBody().startsWith("You are muted in "));
            assertThat(notice.getBody()).contains("for 10 minutes: words: word 'forbidden' (case #1)");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(reasons).contains("words: word 'forbidden' (case #1)"));
            assertThat(offender.receivedFrom(room).stream().map(Message::getBody)
                    .filter(body -> body != null && body.startsWith("You are muted"))).hasSize(1);
        }
    }

    /** A burst of 30 joins locks the room down (moderated) and the lockdown lifts itself after a quiet period. */
    @Test
    void aJoinBurstLocksTheRoomDownAndItUnlocksItself(TestClients clients) throws Exception {
        EntityBareJid room = prosody.server().uniqueRoom("burst");
        Path data = Files.createTempDirectory(Path.of("target"), "moderation-burst-it");
        try (BotUnderTest bot = BotUnderTest.builder(prosody.server()).room(room, "moderation").dataDirectory(data)
                .pluginConfig("moderation", """
                        join-flood:
                          enabled: true
                          max-joins: 5
                          per: 20s
                          mode: moderated
                          quiet-period: 3s
                          dry-run: false
                        """).start()) {
            bot.awaitJoined(room);
            XmppTestClient watcher = clients.connect("watcher");
            watcher.join(room, "watcher");
            assertThat(clients.roomInfo(room).moderated()).isFalse();

            for (int i = 1; i <= 30; i++) {
                clients.connect("burst" + i).join(room, "burst" + i);
            }

            watcher.awaitMessage("the lockdown", message -> message.getBody() != null
                    && message.getBody().startsWith("Lockdown: "));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> clients.roomInfo(room).moderated());
            watcher.awaitMessage("the end of the lockdown", message -> message.getBody() != null
                    && message.getBody().startsWith("Lockdown lifted"));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> !clients.roomInfo(room).moderated());
        }
    }
}
