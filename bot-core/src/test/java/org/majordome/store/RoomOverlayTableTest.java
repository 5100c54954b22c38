package org.majordome.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The room keeper's overlay table: rows per room, oldest first, replaced by name, kept across a reopen. */
class RoomOverlayTableTest {

    private static final String LOBBY = "lobby@conference.localhost";

    @TempDir
    Path dataDirectory;

    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(DatabaseSettings.embedded(dataDirectory));
    }

    @AfterEach
    void close() {
        database.close();
    }

    @Test
    void overlaysOfARoomComeBackOldestFirstAndAnotherRoomsStayApart() {
        RoomOverlayTable table = new RoomOverlayTable(database);
        table.put(new RoomOverlayTable.Row(LOBBY, "maintenance", "members-only=true", "members-only=false"));
        table.put(new RoomOverlayTable.Row("other@conference.localhost", "lockdown", "moderated=true", "moderated=false"));
        table.put(new RoomOverlayTable.Row(LOBBY, "lockdown", "moderated=true", "moderated=false"));

        assertThat(table.forRoom(LOBBY)).extracting(RoomOverlayTable.Row::name)
                .containsExactly("maintenance", "lockdown");
        assertThat(table.forRoom("other@conference.localhost")).singleElement()
                .isEqualTo(new RoomOverlayTable.Row("other@conference.localhost", "lockdown", "moderated=true",
                        "moderated=false"));
    }

    @Test
    void puttingANameAgainReplacesItAndMakesItTheNewest() {
        RoomOverlayTable table = new RoomOverlayTable(database);
        table.put(new RoomOverlayTable.Row(LOBBY, "lockdown", "moderated=true", "moderated=false"));
        table.put(new RoomOverlayTable.Row(LOBBY, "maintenance", "members-only=true", "members-only=false"));
        table.put(new RoomOverlayTable.Row(LOBBY, "lockdown", "members-only=true", "members-only=false"));

        assertThat(table.forRoom(LOBBY)).containsExactly(
                new RoomOverlayTable.Row(LOBBY, "maintenance", "members-only=true", "members-only=false"),
                new RoomOverlayTable.Row(LOBBY, "lockdown", "members-only=true", "members-only=false"));
    }

    @Test
    void anOverlayOutlivesAReopenUntilDeleted() {
        new RoomOverlayTable(database).put(new RoomOverlayTable.Row(LOBBY, "lockdown", "moderated=true",
                "moderated=false"));
        database.close();
        database = Database.open(DatabaseSettings.embedded(dataDirectory));
        RoomOverlayTable reopened = new RoomOverlayTable(database);

        assertThat(reopened.forRoom(LOBBY)).extracting(RoomOverlayTable.Row::name).containsExactly("lockdown");
        reopened.delete(LOBBY, "lockdown");
        reopened.delete(LOBBY, "never-applied");
        assertThat(reopened.forRoom(LOBBY)).isEmpty();
    }
}
