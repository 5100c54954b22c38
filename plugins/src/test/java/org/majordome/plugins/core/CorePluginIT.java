package org.majordome.plugins.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.jivesoftware.smack.packet.Message;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * The shipped core plugin, discovered on the class path like every built-in, inside the real bot against a real Prosody
 * and ejabberd: {@code !ping} answers in the room and in a one-to-one chat, {@code !rooms} answers a bot admin
 * privately.
 */
@Proves(Feature.COMMANDS)
@ClassTemplate
class CorePluginIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension();

    @TempDir
    Path dataDirectory;

    /** Done-when: the real core plugin answers {@code !ping} and, for a bot admin, {@code !rooms}. */
    @Test
    void answersPingInTheRoomAndDirectlyAndRoomsToAnAdmin(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("core");
        try (BotUnderTest bot = BotUnderTest.builder(servers.server())
                .room(room, "core")
                .admin(JidCreate.entityBareFrom("boss@" + servers.server().domain()))
                .dataDirectory(dataDirectory)
                .start()) {
            bot.awaitJoined(room);
            XmppTestClient boss = clients.connect("boss");
            boss.join(room, "Boss");

            boss.say(room, "!ping");
            boss.awaitBodyFrom(room, "Boss: pong");

            EntityBareJid botJid = bot.config().connection().jid();
            boss.chat(botJid, "!ping");
            boss.awaitMessage("pong in the direct chat", message -> botJid.equals(message.getFrom().asBareJid())
                    && "pong".equals(message.getBody()));

            boss.say(room, "!rooms");
            Message rooms = boss.awaitMessage("the private room list", message -> message.getBody() != null
                    && message.getBody().startsWith("Rooms (1 of 1 joined):"));
            assertThat(rooms.getType()).isEqualTo(Message.Type.chat);
            assertThat(rooms.getBody()).contains(room + " — joined, 1 occupant");   // the bot does not count itself
        }
    }
}
