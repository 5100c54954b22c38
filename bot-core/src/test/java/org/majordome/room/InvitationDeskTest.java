package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.config.BotConfig;
import org.majordome.config.ConnectionSettings;
import org.majordome.config.DesiredRoomConfig;
import org.majordome.config.DispatchSettings;
import org.majordome.config.InvitationSettings;
import org.majordome.config.RoomSettings;
import org.majordome.config.RuntimeSettings;
import org.majordome.intake.Invitation;
import org.majordome.store.Database;
import org.majordome.store.DatabaseSettings;
import org.majordome.store.InvitedRoomTable;
import org.majordome.testkit.TestClock;
import org.majordome.xmpp.XmppSession;

/** Which invited rooms outlive a reload and a restart, and what they run. */
class InvitationDeskTest {

    private static final EntityBareJid DEN = JidCreate.entityBareFromOrThrowUnchecked("den@conference.localhost");
    private static final EntityBareJid LOBBY = JidCreate.entityBareFromOrThrowUnchecked("lobby@conference.localhost");

    private final Database database = Database.open(DatabaseSettings.jdbc(
            "jdbc:h2:mem:invited-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "", null));
    private final InvitedRoomTable table = new InvitedRoomTable(database);

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void storedRoomsComeBackOnlyWhenKeptAcrossRestartsAndNotWhenTheFileDeclaresThem() {
        table.put(DEN.toString(), "boss@localhost", Instant.parse("2026-12-07T03:00:00Z"));
        table.put(LOBBY.toString(), "boss@localhost", Instant.parse("2026-12-07T03:01:00Z"));
        BotConfig keeping = config(true, List.of("core"), LOBBY);

        assertThat(InvitationDesk.storedRooms(table, keeping)).singleElement().satisfies(room -> {
            assertThat(room.jid().toString()).isEqualTo(DEN.toString());
            assertThat(room.plugins()).containsExactly("core");
        });

        assertThat(InvitationDesk.storedRooms(table, config(false, List.of("core")))).isEmpty();
        assertThat(table.rooms()).as("turning the setting off forgets them, so turning it on later brings none back")
                .isEmpty();
    }

    /**
     * A reload keeps the rooms joined on an invitation (the file never named them) with the plugins of the new
     * file's invitations section, unless the new file declares the room itself; an administrator's leave forgets one.
     */
    @Test
    void aReloadKeepsInvitedRoomsWithTheNewPluginsAndLeaveForgetsThem() {
        InvitationDesk desk = new InvitationDesk(mock(XmppSession.class), mock(RoomKeeper.class),
                () -> config(true, List.of("core")), table,
                List.of(InvitationDesk.settingsFor(DEN, Optional.empty(), config(true, List.of("core")))),
                new TestClock());

        assertThat(desk.keptBesides(config(true, List.of("core", "dice")))).singleElement()
                .satisfies(room -> assertThat(room.plugins()).containsExactly("core", "dice"));
        assertThat(desk.keptBesides(config(true, List.of("core"), DEN))).isEmpty();

        table.put(DEN.toString(), "boss@localhost", Instant.parse("2026-12-07T03:00:00Z"));
        desk.forget(DEN);
        assertThat(desk.keptBesides(config(true, List.of("core")))).isEmpty();
        assertThat(table.rooms()).isEmpty();
        desk.close();
    }

    /** The room of a direct invitation is the one it names; the bot keeps it once, with the invitation's plugins. */
    @Test
    void anAcceptedInvitationKeepsTheRoomWithTheInvitationPlugins() {
        RoomKeeper keeper = mock(RoomKeeper.class);
        org.mockito.Mockito.when(keeper.keepAlso(org.mockito.ArgumentMatchers.any())).thenReturn(true);
        InvitationDesk desk = new InvitationDesk(mock(XmppSession.class), keeper, () -> config(true, List.of("core")),
                table, List.of(), new TestClock());

        desk.answer(new Invitation(DEN, JidCreate.fromOrThrowUnchecked("boss@localhost/laptop"),
                Invitation.Form.DIRECT, "", Optional.empty(), Instant.parse("2026-12-07T03:00:00Z")));

        org.mockito.Mockito.verify(keeper).keepAlso(new RoomSettings(DEN, Optional.empty(), Optional.empty(),
                DesiredRoomConfig.persistentOnly(), List.of("core")));
        assertThat(table.rooms()).containsExactly(DEN.toString());
        desk.close();
    }

    private static BotConfig config(boolean keep, List<String> plugins, EntityBareJid... declared) {
        ConnectionSettings connection = mock(ConnectionSettings.class);
        List<RoomSettings> rooms = java.util.Arrays.stream(declared).map(jid -> new RoomSettings(jid, Optional.empty(),
                Optional.empty(), DesiredRoomConfig.persistentOnly(), List.of())).toList();
        return new BotConfig(Path.of("bot.yml"), connection,
                Set.of(JidCreate.entityBareFromOrThrowUnchecked("boss@localhost")), rooms,
                mock(RuntimeSettings.class), DispatchSettings.defaults(), java.util.Map.of())
                .withInvitations(new InvitationSettings(Set.of(), plugins, keep));
    }
}
