package org.majordome.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Predicate;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.event.OccupantJoinedEvent;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.ServerSettings;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * Issue 20, user scenario: in an English room, a French speaker whose client declares {@code xml:lang="fr"} on its
 * messages (RFC 6120 §8.1.5) gets the bot's private answers (XEP-0045 §7.5) and one-to-one answers in French, while
 * the room, and an English speaker's private answers, stay English. Both servers pass the sender's {@code xml:lang}
 * on to the bot, through the room and in a one-to-one chat.
 */
@Proves({Feature.COMMANDS, Feature.LANGUAGES})
@ClassTemplate
class SenderLanguageIT {

    private static final String NBSP = "\u00a0";

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults());

    @TempDir
    Path dataDirectory;

    @Test
    void aFrenchClientInAnEnglishRoomGetsFrenchPrivateAnswers(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("lobby");
        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).room(room).dataDirectory(dataDirectory).start()) {
            bot.awaitJoined(room);
            XmppTestClient amelie = clients.connect("amelie");
            XmppTestClient bob = clients.connect("bob");
            amelie.join(room, "Amelie");
            bob.join(room, "Bob");
            await().atMost(Duration.ofSeconds(60)).until(() -> bot.events().inRoom(room.toString(),
                    OccupantJoinedEvent.class).stream().anyMatch(joined -> joined.occupant().nick().equals("Bob")));
            Jid botInRoom = JidCreate.entityFullFrom(room, Resourcepart.from("Majordome"));
            Jid botAccount = bot.config().connection().jid();

            send(amelie, "fr", botInRoom, Message.Type.chat);
            send(bob, "en", botInRoom, Message.Type.chat);
            send(amelie, "fr", botAccount, Message.Type.chat);
            send(amelie, "fr", room, Message.Type.groupchat);

            String french = "Commande inconnue" + NBSP + ": !frobnicate. Envoyez !help pour en avoir la liste.";
            String english = "Unknown command !frobnicate. Send !help for the list.";
            Message privately = amelie.awaitMessage("the private answer in French",
                    body(french).and(message -> message.getType() == Message.Type.chat
                            && room.equals(message.getFrom().asBareJid())));
            assertThat(privately.getFrom().getResourceOrNull()).hasToString("Majordome");
            amelie.awaitMessage("the one-to-one answer in French",
                    body(french).and(message -> botAccount.equals(message.getFrom().asBareJid())));
            bob.awaitMessage("the private answer in English", body(english).and(message ->
                    message.getType() == Message.Type.chat));
            amelie.awaitMessage("the room's answer, in the room's language",
                    body("Amelie: " + english).and(message -> message.getType() == Message.Type.groupchat));
        }
    }

    /** {@code !frobnicate}, in a message that declares its language ({@code xml:lang}). */
    private static void send(XmppTestClient client, String language, Jid to, Message.Type type) throws Exception {
        MessageBuilder message = client.connection().getStanzaFactory().buildMessageStanza()
                .ofType(type).to(to).setBody("!frobnicate").setLanguage(language);
        if (type == Message.Type.chat && to.hasResource()) {
            message.addExtension(new MUCUser()); // a private message through the room (XEP-0045 §7.5)
        }
        client.connection().sendStanza(message.build());
    }

    private static Predicate<Message> body(String text) {
        return message -> message.getFrom() != null && text.equals(message.getBody());
    }
}
