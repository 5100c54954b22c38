package org.majordome.plugins.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MUCRole;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.event.AppealDecidedEvent;
import org.majordome.api.event.AppealFiledEvent;
import org.majordome.config.RoomPeople;
import org.majordome.config.RoomSettings;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.ServerSettings;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * User scenario (issue 17 item 4): a moderator bans mallory (XEP-0045 §9.1, affiliation outcast); the bot tells
 * mallory, by a one-to-one message to her real JID, how to appeal; mallory, outside the room, appeals by a direct
 * message to the bot; the appeal reaches the room's moderator as a private message through the room (§7.5); the
 * moderator accepts it in the room; the ban is lifted (§9.2, affiliation none), mallory is told and can join
 * again. Scripts see both steps as events. The same on both servers: the bot, a moderator, sees real JIDs in a
 * semi-anonymous room, and direct messages from a user outside the room reach it on either.
 */
@Proves(Feature.APPEALS)
@ClassTemplate
class AppealIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults());

    private static final String BOT_NICK = "Majordome";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aBannedUserAppealsAModeratorAcceptsAndSheMayJoinAgain(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("appeal");
        Path data = Files.createTempDirectory(Path.of("target"), "appeal-it");
        XmppTestClient boss = clients.connect("boss");
        XmppTestClient mallory = clients.connect("mallory");
        RoomPeople people = new RoomPeople(List.of(), List.of(boss.bareJid()), List.of(), List.of(), List.of(),
                RoomPeople.Policy.KEEP);
        RoomSettings settings = new RoomSettings(room, Optional.empty(), Optional.empty(),
                BotUnderTest.titled("Appeals", "Appeals court"), List.of("moderation"), false, Optional.empty())
                .withPeople(people);
        try (BotUnderTest bot = BotUnderTest.builder(servers.server()).room(settings).dataDirectory(data)
                .nick(BOT_NICK).start()) {
            bot.awaitJoined(room);
            await().atMost(WAIT).until(() -> bot.status(room).ready());
            MultiUserChat bossRoom = boss.join(room, "boss");
            // boss is a room admin by the file: the server makes him a moderator once the bot has set it.
            await("boss is moderator").atMost(WAIT).ignoreExceptions()
                    .until(() -> role(bossRoom, room, "boss") == MUCRole.moderator);
            mallory.join(room, "mallory");
            await("the bot sees mallory").atMost(WAIT).until(() -> bot.bot().rooms().room(room.toString())
                    .flatMap(handle -> handle.occupant("mallory")).isPresent());

            boss.say(room, "!ban mallory spamming");

            Message notice = mallory.awaitMessage("the notice of the ban", message -> fromBot(message, bot)
                    && message.getBody().contains("!appeal"));
            Matcher caseNumber = Pattern.compile("case #(\\d+)").matcher(notice.getBody());
            assertThat(caseNumber.find()).as("the notice names the case: " + notice.getBody()).isTrue();
            String number = caseNumber.group(1);
            assertThat(notice.getBody()).contains("banned from Appeals");

            mallory.chat(botJid(bot), "!appeal " + number + " I was quoting the spammer");

            org.jxmpp.jid.EntityFullJid botInRoom = JidCreate.entityFullFrom(room, Resourcepart.from(BOT_NICK));
            Message appeal = boss.awaitMessage("the appeal, privately through the room", message -> message.getBody() != null
                    && message.getBody().startsWith("Appeal of case #" + number) && botInRoom.equals(message.getFrom()));
            assertThat(appeal.getBody()).contains("I was quoting the spammer").contains(mallory.bareJid().toString());

            boss.say(room, "!appeal accept " + number + " fair enough");

            mallory.awaitMessage("the decision", message -> fromBot(message, bot)
                    && message.getBody().contains("accepted your appeal of case #" + number));
            await("mallory may enter again").atMost(WAIT).ignoreExceptions().until(() -> {
                mallory.join(room, "mallory");
                return true;
            });
            // Published through the dispatcher, apart from the message the moderator got: wait for it.
            await("the appeal's event").atMost(WAIT).until(() -> !bot.events().ofType(AppealFiledEvent.class).isEmpty());
            assertThat(bot.events().ofType(AppealFiledEvent.class)).singleElement()
                    .extracting(AppealFiledEvent::text).isEqualTo("I was quoting the spammer");
            await("the decision's event").atMost(WAIT).until(() -> !bot.events().ofType(AppealDecidedEvent.class).isEmpty());
            assertThat(bot.events().ofType(AppealDecidedEvent.class).getFirst().accepted()).isTrue();
        }
    }

    private static EntityBareJid botJid(BotUnderTest bot) {
        return bot.config().connection().jid();
    }

    private static boolean fromBot(Message message, BotUnderTest bot) {
        return message.getBody() != null && message.getFrom() != null
                && message.getFrom().asBareJid().equals(botJid(bot));
    }

    private static MUCRole role(MultiUserChat muc, EntityBareJid room, String nick) {
        org.jivesoftware.smackx.muc.Occupant occupant = muc.getOccupant(
                JidCreate.entityFullFrom(room, Resourcepart.fromOrThrowUnchecked(nick)));
        return occupant == null ? null : occupant.getRole();
    }
}
