package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.api.event.RoomConfiguredEvent;
import org.majordome.config.DesiredRoomConfig;
import org.majordome.config.RoomSettings;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.RoomDiscoInfo;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * User scenario (issue 13 item 4): a room kept as code, whose file pins {@code moderated: false} and
 * {@code members-only: false}, is raided by a join flood. The lockdown (XEP-0045 §10.2 owner form,
 * {@code muc#roomconfig_moderatedroom}) is an overlay on the declared configuration: the bot applies it, keeps
 * it through a configuration check and a restart, and puts the declared settings back on {@code !unlock}. On
 * both servers a newcomer during the lockdown has no voice (on ejabberd the bot turns its own {@code
 * members_by_default} off for that, see {@code ModerationIT}).
 */
@Proves(Feature.LOCKDOWN)
@ClassTemplate
class LockdownInDeclaredRoomsIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension();

    private static DesiredRoomConfig openRoom(String title) {
        return new DesiredRoomConfig(Optional.of(title), Optional.empty(), Optional.of(true), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(false), Optional.of(false), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** Regression: the room handle refused the lockdown ("the configuration file pins moderated = false"). */
    @Test
    void aJoinFloodLocksDownARoomThatPinsModeratedFalse(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("pinned");
        Path data = Files.createTempDirectory(Path.of("target"), "lockdown-pinned-it");
        XmppTestClient boss = clients.connect("boss");
        BotUnderTest.Builder builder = BotUnderTest.builder(servers.server())
                .room(room, openRoom("Open lobby"), "moderation").admin(boss.bareJid()).dataDirectory(data)
                .reconcileInterval(Duration.ofSeconds(2))
                .pluginConfig("moderation", """
                        join-flood:
                          enabled: true
                          max-joins: 5
                          per: 60s
                          mode: moderated
                          quiet-period: 30m
                          dry-run: false
                        """);

        try (BotUnderTest bot = builder.start()) {
            bot.awaitJoined(room);
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.status(room).ready());
            XmppTestClient watcher = clients.connect("watcher");
            watcher.join(room, "watcher");
            boss.join(room, "boss");   // before the lockdown: keeps its voice to say !unlock
            assertThat(clients.roomInfo(room).moderated()).isFalse();

            for (int i = 1; i <= 12; i++) {
                clients.connect("raider" + i).join(room, "raider" + i);
            }

            watcher.awaitMessage("the lockdown", message -> message.getBody() != null
                    && message.getBody().startsWith("Lockdown: "));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> clients.roomInfo(room).moderated());
            // Newcomers get no voice (ejabberd's members_by_default would give them voice: the bot turned it off).
            assertThat(ownRole(clients.connect("latecomer").join(room, "latecomer"), "latecomer"))
                    .as("a newcomer's role during the lockdown").isEqualTo(MUCRole.visitor);

            // A configuration check: a reload changes the title, and the bot puts the room as desired in one form.
            bot.bot().rooms().apply(List.of(new RoomSettings(room, Optional.empty(), Optional.empty(),
                    openRoom("Open lobby, renamed"), List.of("moderation"))), "");
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.events().any(RoomConfiguredEvent.class,
                    configured -> configured.changedSettings().contains("title")));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> clients.roomInfo(room).title().orElse("").equals("Open lobby, renamed"));
            assertThat(clients.roomInfo(room).moderated()).as("locked down after a configuration check").isTrue();
        }

        try (BotUnderTest bot = builder.start()) {
            // Back after a restart, the bot checks the room against the file (moderated: false) and its overlays.
            bot.awaitJoined(room);
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.status(room).ready());
            assertThat(bot.events().any(RoomConfiguredEvent.class, configured -> configured.changedSettings().contains("title")))
                    .as("the check after the restart put the declared title back").isTrue();
            assertThat(clients.roomInfo(room).moderated()).as("locked down after a restart").isTrue();

            boss.say(room, "!unlock");
            boss.awaitMessage("the end of the lockdown", message -> message.getBody() != null
                    && message.getBody().startsWith("Lockdown lifted"));
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> !clients.roomInfo(room).moderated());
            RoomDiscoInfo after = clients.roomInfo(room);
            assertThat(after.moderated()).isFalse();
            assertThat(after.membersOnly()).isFalse();
            assertThat(after.title()).contains("Open lobby");
        }
    }

    /** The role the room gave the client's own occupant (its presence may still be on its way when join returns). */
    private static MUCRole ownRole(MultiUserChat chat, String nick) throws Exception {
        EntityFullJid self = JidCreate.entityFullFrom(chat.getRoom() + "/" + nick);
        return await().atMost(Duration.ofSeconds(60)).until(() -> chat.getOccupant(self), Objects::nonNull).getRole();
    }
}
