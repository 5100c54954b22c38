package org.majordome.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.Role;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestRoom;

/**
 * Scripts reach the affiliation lists as Java plugins do (issue 16 item 5, {@code RoomHandle.affiliations()}):
 * one list read, several changes at once with a result per entry, both answered to a callback.
 */
class ScriptAffiliationsTest {

    @TempDir
    Path temp;
    private ScriptFixture scripts;

    @BeforeEach
    void setUp() throws Exception {
        scripts = new ScriptFixture(Files.createDirectory(temp.resolve("scripts")));
        scripts.write("people.js", """
                bot.command({name: 'promote', help: 'Makes bob an admin and bans eve.'}, c => {
                    const room = c.room;
                    room.setAffiliations([
                        {jid: 'bob@example.org', affiliation: 'admin'},
                        {jid: 'eve@example.org', affiliation: 'outcast', reason: 'spam'}],
                        results => room.send('set: ' + results.map(r => r.jid + '=' + r.done).join(', ')));
                });
                bot.command({name: 'admins', help: 'Lists the admins.'}, c => {
                    const room = c.room;
                    room.affiliations('admin', list => room.send('admins: ' + list.map(e => e.jid).join(', ')));
                });
                """);
    }

    @AfterEach
    void tearDown() {
        scripts.close();
    }

    @Test
    void aScriptChangesSeveralAffiliationsAndReadsAList() {
        PluginTestKit kit = scripts.start();
        TestRoom room = kit.room(ScriptFixture.ROOM).holdsAffiliation("carol@example.org", Affiliation.ADMIN);
        room.join("alice", Role.MODERATOR);

        room.say("alice", "!promote");
        room.say("alice", "!admins");

        assertThat(room.affiliation("bob@example.org")).isEqualTo(Affiliation.ADMIN);
        assertThat(room.affiliation("eve@example.org")).isEqualTo(Affiliation.OUTCAST);
        assertThat(room.botSaidAsSeen()).containsExactly("set: bob@example.org=true, eve@example.org=true",
                "admins: bob@example.org, carol@example.org");
    }
}
