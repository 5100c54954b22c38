package org.majordome.script;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.majordome.api.event.Affiliation;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.Role;
import org.majordome.api.event.RoomJoinedEvent;
import org.majordome.testkit.PluginTestKit;
import org.majordome.testkit.TestRoom;

/**
 * What a script sees of an event and a command: the same shapes and values whatever the runtime builds them
 * from (once JSON text parsed in the script, now read-only host objects made on first read). Everything a
 * script may do with plain data — read, destructure, {@code in}, {@code Object.keys}, {@code JSON.stringify},
 * spread, array methods — gives what it gave; writing into an event does not change it; and nothing in them
 * leads to a host object.
 */
class ScriptEventObjectTest {

    private static final Instant WHEN = Instant.parse("2026-12-07T05:30:00Z");

    @TempDir
    Path temp;
    private ScriptFixture scripts;

    @BeforeEach
    void setUp() throws Exception {
        scripts = new ScriptFixture(Files.createDirectory(temp.resolve("scripts")));
    }

    @AfterEach
    void tearDown() {
        scripts.close();
    }

    /** Runs {@code probe} (a function of the event returning a text) on alice's message "probe"; returns its text. */
    private String onMessage(String probe) {
        scripts.write("probe.js", "const probe = " + probe + ";\n"
                + "bot.onEvent('RoomMessageReceived', e => { if (e.message.body === 'probe') e.room.send(String(probe(e))); });\n");
        PluginTestKit kit = scripts.start();
        TestRoom room = kit.room(ScriptFixture.ROOM);
        room.join("alice", Role.PARTICIPANT);
        room.say("alice", "probe");
        assertThat(room.botSaid()).hasSize(1);
        return room.botSaid().getFirst();
    }

    @Test
    void objectKeysListTheTypeTheRecordsComponentsTheRoomAndReplyInOrder() {
        assertThat(onMessage("e => Object.keys(e).join() + ' / ' + Object.keys(e.sender).join() + ' / '"
                + " + Object.keys(e.message).join()"))
                .isEqualTo("type,roomJid,sender,message,receivedAt,room,reply"
                        + " / nick,realJid,occupantId,role,affiliation / body,messageId,stanzaId,correctsId");
    }

    @Test
    void jsonStringifyGivesThePlainDataWithoutFunctions() {
        String json = onMessage("e => JSON.stringify({...e, room: undefined, receivedAt: typeof e.receivedAt})");
        assertThat(json).isEqualTo("{\"type\":\"RoomMessageReceived\",\"roomJid\":\"lobby@conference.example.org\","
                + "\"sender\":{\"nick\":\"alice\",\"realJid\":null,\"occupantId\":\"occupant-1\",\"role\":\"participant\","
                + "\"affiliation\":\"none\"},\"message\":{\"body\":\"probe\",\"messageId\":null,\"stanzaId\":\"stanza-1\","
                + "\"correctsId\":null},\"receivedAt\":\"string\"}");
    }

    @Test
    void theWholeEventStringifiesWithItsRoomsData() {
        assertThat(onMessage("e => { const o = JSON.parse(JSON.stringify(e)); "
                + "return Object.keys(o).join() + ' ' + JSON.stringify(o.room) + ' ' + (o.receivedAt === e.receivedAt); }"))
                .isEqualTo("type,roomJid,sender,message,receivedAt,room "
                        + "{\"botNick\":\"majordome\",\"jid\":\"lobby@conference.example.org\",\"language\":\"en\",\"timeZone\":\"Z\"} true");
    }

    @Test
    void destructuringInAndEntriesWorkAsOnPlainObjects() {
        assertThat(onMessage("e => { const {type, sender: {nick, role, realJid}, message: {body}, nothing} = e;"
                + " return [type, nick, role, realJid, body, nothing, 'type' in e, 'room' in e, 'reply' in e, 'nope' in e,"
                + " Object.entries(e.message).map(([k, v]) => k + '=' + v).join(';')].join(' '); }"))
                .isEqualTo("RoomMessageReceived alice participant  probe  true true true false "
                        + "body=probe;messageId=null;stanzaId=stanza-1;correctsId=null");
    }

    @Test
    void valuesHaveTheirJavaScriptTypes() {
        assertThat(onMessage("e => [typeof e, typeof e.sender, typeof e.receivedAt, e.sender.realJid === null,"
                + " typeof e.reply, typeof e.room, typeof e.room.send, e.sender === e.sender, String(e),"
                + " e.receivedAt.endsWith('Z'), e.type.toLowerCase()].join()"))
                .isEqualTo("object,object,string,true,function,object,function,true,[object Object],true,roommessagereceived");
    }

    @Test
    void listsAreArraysWithTheArrayMethods() {
        scripts.write("joined.js", """
                bot.onEvent('RoomJoined', e => {
                    const nicks = e.occupants.map(o => o.nick);
                    e.room.send([Array.isArray(e.occupants), e.occupants.length, nicks.join('+'), e.created,
                        e.occupants.filter(o => o.role === 'moderator').length, JSON.stringify(e.occupants[1]),
                        [...e.occupants].length, e.occupants.slice(1).map(o => o.affiliation).join()].join(' '));
                });
                """);
        PluginTestKit kit = scripts.start();
        TestRoom room = kit.room(ScriptFixture.ROOM);
        kit.deliver(new RoomJoinedEvent(ScriptFixture.ROOM, "majordome", false, List.of(
                new Occupant("alice", Optional.of("alice@example.org"), Optional.empty(), Role.MODERATOR, Affiliation.OWNER),
                new Occupant("bob", Optional.empty(), Optional.of("occ-b"), Role.PARTICIPANT, Affiliation.NONE)), WHEN));
        assertThat(room.botSaid()).containsExactly("true 2 alice+bob false 1 {\"nick\":\"bob\",\"realJid\":null,"
                + "\"occupantId\":\"occ-b\",\"role\":\"participant\",\"affiliation\":\"none\"} 2 none");
    }

    @Test
    void aHelperCanTakeACommandAndAnEventAlike() {
        scripts.write("helper.js", """
                function answer(target, text) { target.reply(text); }
                bot.command({name: 'hi', help: 'says hi'}, c => answer(c, 'hi ' + c.sender.nick));
                bot.onEvent('RoomMessageReceived', e => { if (e.message.body === 'hello') answer(e, 'hello ' + e.sender.nick); });
                """);
        PluginTestKit kit = scripts.start();
        TestRoom room = kit.room(ScriptFixture.ROOM);
        room.join("alice", Role.PARTICIPANT);
        room.say("alice", "!hi");
        room.say("alice", "hello");
        room.say("alice", "!hi");
        assertThat(room.botSaid()).containsExactly("hi alice", "hello alice", "hi alice");
    }

    @Test
    void aScriptCannotChangeAnEventItsOtherHandlersSee() {
        scripts.write("writer.js", """
                bot.onEvent('RoomMessageReceived', e => {
                    e.message.body = 'forged'; e.sender.nick = 'mallory'; e.type = 'Forged'; delete e.roomJid;
                    e.extra = 1;
                    let refused = 'accepted';
                    try { (function () { 'use strict'; e.message.body = 'forged'; })(); } catch (err) {
                        refused = (err instanceof TypeError) + ' ' + /org[.]majordome|[$]|Lambda|Proxy/.test(String(err));
                    }
                    e.room.send(refused);
                });
                bot.onEvent('RoomMessageReceived', e => {
                    e.room.send([e.type, e.roomJid, e.sender.nick, e.message.body, 'extra' in e].join(' '));
                });
                """);
        PluginTestKit kit = scripts.start();
        TestRoom room = kit.room(ScriptFixture.ROOM);
        room.join("alice", Role.PARTICIPANT);
        room.say("alice", "probe");
        assertThat(room.botSaid()).containsExactly("true false",
                "RoomMessageReceived lobby@conference.example.org alice probe false");
    }

    @Test
    void aListInAnEventCannotBeChanged() {
        scripts.write("joined.js", """
                bot.onEvent('RoomJoined', e => {
                    try { e.occupants.push({nick: 'mallory'}); } catch (err) { }
                    try { e.occupants.sort((a, b) => b.nick.localeCompare(a.nick)); } catch (err) { }
                    e.occupants[0] = {nick: 'mallory'};
                    e.room.send(e.occupants.length + ' ' + e.occupants.map(o => o.nick).join());
                });
                """);
        PluginTestKit kit = scripts.start();
        TestRoom room = kit.room(ScriptFixture.ROOM);
        kit.deliver(new RoomJoinedEvent(ScriptFixture.ROOM, "majordome", false, List.of(
                new Occupant("alice", Optional.empty(), Optional.empty(), Role.MODERATOR, Affiliation.OWNER),
                new Occupant("bob", Optional.empty(), Optional.empty(), Role.PARTICIPANT, Affiliation.NONE)), WHEN));
        assertThat(room.botSaid()).containsExactly("2 alice,bob");
    }

    @Test
    void nothingInAnEventOrACommandLeadsToAHostObject() {
        String probe = """
                (x, path, found) => {
                    for (const name of ['getClass', 'class', 'getMember', 'getMemberKeys', 'hasMember', 'putMember',
                            'hashCode', 'equals', 'wait', 'notify', 'members', 'record', 'execute']) {
                        try { if (x[name] !== undefined) found.push(path + '.' + name); } catch (err) { found.push(path + '!' + name); }
                    }
                    try { x.getClass(); found.push(path + ' getClass()'); } catch (err) {
                        if (/org[.]majordome|[$]|Lambda/.test(String(err))) found.push(path + ' error names ' + err);
                    }
                    if (/org[.]majordome|[$]|Lambda/.test(String(x))) found.push(path + ' shows ' + String(x));
                }""";
        scripts.write("look.js", "const look = " + probe + ";\n" + """
                bot.onEvent('RoomMessageReceived', e => {
                    if (e.message.body !== 'probe') return;
                    const found = [];
                    for (const [path, x] of [['e', e], ['e.sender', e.sender], ['e.message', e.message],
                            ['e.room', e.room], ['e.reply', e.reply]]) { look(x, path, found); }
                    e.room.send('event: ' + (found.join() || 'nothing'));
                });
                bot.command({name: 'look', help: 'looks'}, c => {
                    const found = [];
                    for (const [path, x] of [['c', c], ['c.sender', c.sender], ['c.args', c.args], ['c.reply', c.reply],
                            ['c.sender.occupant', c.sender.occupant]]) { look(x, path, found); }
                    c.reply('command: ' + (found.join() || 'nothing'));
                });
                """);
        PluginTestKit kit = scripts.start();
        TestRoom room = kit.room(ScriptFixture.ROOM);
        room.join("alice", Role.PARTICIPANT);
        room.say("alice", "probe");
        room.say("alice", "!look a b");
        assertThat(room.botSaid()).containsExactly("event: nothing", "command: nothing");
    }
}
