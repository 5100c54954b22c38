package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;

import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.ConfigOverlay;
import org.majordome.api.room.RoomHandle;
import org.majordome.config.DesiredRoomConfig;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.RoomDiscoInfo;
import org.majordome.testing.ServerKind;
import org.majordome.testing.ServerSettings;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * Configuration overlays against a real Prosody and a real ejabberd (XEP-0045 §10.2 owner form): an overlay
 * wins over the declared configuration through the bot's configuration checks, and lifting it puts the room
 * back as declared, or as it was for a setting the file leaves out.
 *
 * <p>{@code owner@localhost} is a server admin, which both servers make an owner of every room: it plays the
 * human owner whose change makes the bot check the room.
 *
 * <p>Servers differ in a room's defaults: a new room is not moderated on Prosody but moderated on ejabberd
 * (its {@code default_room_options}). The file below leaves "moderated" out, so the room goes back to the
 * server's default when the overlay is lifted: not moderated on Prosody, still moderated on ejabberd.
 */
@Proves(value = Feature.LOCKDOWN, difference = "A new room is moderated by default on ejabberd (its "
        + "default_room_options), not on Prosody; a setting the file leaves out goes back to the server's default "
        + "when an overlay is lifted")
@ClassTemplate
class RoomOverlayIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults().admins("owner"));

    /** Issue 13 item 4: setMembersOnly(true) is refused in a room pinning members-only: false; an overlay holds. */
    @Test
    void aMembersOnlyOverlayHoldsOverADeclaredFalseUntilLifted(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("overlay");
        DesiredRoomConfig declared = new DesiredRoomConfig(Optional.of("Open house"), Optional.empty(),
                Optional.of(true), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(false),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).room(room, declared)
                .reconcileInterval(Duration.ofSeconds(1)).start()) {
            bot.awaitJoined(room);
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.status(room).ready());
            RoomHandle handle = bot.bot().rooms().room(room.toString()).orElseThrow();
            assertThat(clients.roomInfo(room).membersOnly()).isFalse();
            boolean moderatedByDefault = clients.roomInfo(room).moderated();
            assertThat(moderatedByDefault).as("the server's default for a new room")
                    .isEqualTo(servers.kind() == ServerKind.EJABBERD);
            assertThat(handle.setMembersOnly(true).toCompletableFuture().join())
                    .as("a plain change against the file is refused").isInstanceOf(ActionResult.NotSupported.class);

            ActionResult applied = handle.applyOverlay("lockdown",
                    new ConfigOverlay(Optional.of(true), Optional.of(true))).toCompletableFuture().join();

            assertThat(applied).isEqualTo(ActionResult.DONE);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                RoomDiscoInfo info = clients.roomInfo(room);
                assertThat(info.membersOnly()).isTrue();
                assertThat(info.moderated()).isTrue();
            });

            // Another owner renames the room: the bot's next check puts the title back, and keeps the overlay.
            XmppTestClient owner = clients.connect("owner");
            MultiUserChat muc = owner.join(room, "Owner");
            FillableForm form = muc.getConfigurationForm().getFillableForm();
            form.setAnswer("muc#roomconfig_roomname", "Renamed by hand");
            muc.sendConfigurationForm(form);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                    .until(() -> clients.roomInfo(room).title().orElse("").equals("Open house"));
            RoomDiscoInfo checked = clients.roomInfo(room);
            assertThat(checked.membersOnly()).as("members-only after a configuration check").isTrue();
            assertThat(checked.moderated()).as("moderated after a configuration check").isTrue();

            ActionResult lifted = handle.liftOverlay("lockdown").toCompletableFuture().join();

            assertThat(lifted).isEqualTo(ActionResult.DONE);
            await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
                RoomDiscoInfo info = clients.roomInfo(room);
                assertThat(info.membersOnly()).as("declared members-only: false").isFalse();
                assertThat(info.moderated()).as("not declared: as it was before the overlay")
                        .isEqualTo(moderatedByDefault);
                assertThat(info.title()).contains("Open house");
            });
            assertThat(handle.liftOverlay("lockdown").toCompletableFuture().join()).isEqualTo(ActionResult.DONE);
        }
    }
}
