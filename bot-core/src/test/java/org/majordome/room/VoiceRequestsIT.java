package org.majordome.room;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.majordome.api.event.Role;
import org.majordome.api.event.VoiceDecision;
import org.majordome.api.event.VoiceRequestedEvent;
import org.majordome.api.room.ActionResult;
import org.majordome.api.room.RoomHandle;
import org.majordome.config.DesiredRoomConfig;
import org.majordome.config.RoomSettings;
import org.majordome.config.VoiceRequestPolicy;
import org.majordome.intake.VoiceRequestForm;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.ServerKind;
import org.majordome.testing.ServerSettings;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * Voice requests in a moderated room against a real Prosody and a real ejabberd (XEP-0045 §7.13, §8.6): a visitor
 * asks for voice with Smack's {@code requestVoice()}; both servers forward the request form to every moderator
 * present, the bot (owner of the rooms it keeps) among them, and the bot decides by the room's
 * {@code voice-requests} policy: {@code forward} leaves it to the human moderator, who receives the form;
 * {@code approve-members} gives a member voice and leaves a stranger a visitor; {@code deny} answers the form with
 * {@code muc#request_allow} false, which both servers take silently: no error to the moderator, nothing said to
 * the visitor, who stays a visitor.
 *
 * <p>A newcomer to a moderated room is a visitor on Prosody but a participant on ejabberd (its
 * {@code members_by_default}), so the bot makes each requester a visitor first, as a moderator muting them would.
 * A request repeated at once reaches the moderators again on Prosody; ejabberd answers the visitor
 * {@code resource-constraint} and forwards nothing (its room option {@code voice_request_min_interval}).
 * {@code owner@localhost} is a server admin, which both servers make an owner, hence a moderator, of every room.
 */
@Proves(value = Feature.VOICE_REQUESTS, difference = "A visitor asking for voice again at once: Prosody forwards "
        + "every request; ejabberd refuses a repeat within its voice_request_min_interval (resource-constraint), "
        + "so the moderators and the bot see it once")
@ClassTemplate
class VoiceRequestsIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension(ServerSettings.defaults().admins("owner"));

    @Test
    void aRequestIsForwardedToTheModeratorPresentUnderTheDefaultPolicy(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("voiceforward");
        try (BotUnderTest bot = start(room, VoiceRequestPolicy.FORWARD)) {
            RoomHandle handle = handle(bot, room);
            XmppTestClient owner = clients.connect("owner");
            owner.join(room, "Owner");
            XmppTestClient vera = clients.connect("vera");
            MultiUserChat visitor = visitorIn(vera, room, "vera", handle);

            visitor.requestVoice();

            Message forwarded = owner.awaitMessage("the forwarded voice request", message ->
                    room.equals(message.getFrom()) && isVoiceRequest(message));
            assertThat(DataForm.from(forwarded).getField(VoiceRequestForm.ROOM_NICK).getFirstValue()).isEqualTo("vera");
            VoiceRequestedEvent event = awaitRequest(bot, room, "vera");
            assertThat(event.decision()).isEqualTo(VoiceDecision.FORWARDED);
            assertThat(event.request().realJid()).contains("vera@" + servers.server().domain());
            assertThat(event.occupant().role()).isEqualTo(Role.VISITOR);
            assertThat(handle.occupant("vera").orElseThrow().role()).isEqualTo(Role.VISITOR);

            // Asking again at once: Prosody forwards it again; ejabberd refuses it (voice_request_min_interval).
            vera.clearReceived();
            visitor.requestVoice();
            if (servers.kind() == ServerKind.PROSODY) {
                await().atMost(WAIT).until(() -> requests(bot, room, "vera").size() == 2);
            } else {
                Message refused = vera.awaitMessage("the refusal of a second request", message ->
                        message.getType() == Message.Type.error && room.equals(message.getFrom()));
                assertThat(refused.getError().getCondition()).hasToString("resource-constraint");
                assertThat(requests(bot, room, "vera")).hasSize(1);
            }

            // What a server does with a denial, the bot's under "deny": the moderator answers the form no.
            owner.clearReceived();
            vera.clearReceived();
            owner.connection().sendStanza(VoiceRequests.declineMessage(owner.connection().getStanzaFactory(), room,
                    event.request()));
            await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() ->
                    handle.occupant("vera").map(o -> o.role() == Role.VISITOR).orElse(false)
                            && owner.received().stream().noneMatch(message -> message.getType() == Message.Type.error)
                            && vera.received().stream().noneMatch(message -> room.equals(message.getFrom())));
        }
    }

    @Test
    void aMemberIsGivenVoiceAndAStrangerIsLeftToTheModerators(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("voicemembers");
        try (BotUnderTest bot = start(room, VoiceRequestPolicy.of(VoiceRequestPolicy.Kind.APPROVE_MEMBERS))) {
            RoomHandle handle = handle(bot, room);
            XmppTestClient member = clients.connect("mia");
            assertThat(handle.grantMembership(member.bareJid().toString()).toCompletableFuture().join())
                    .isEqualTo(ActionResult.DONE);
            MultiUserChat memberMuc = visitorIn(member, room, "mia", handle);
            MultiUserChat strangerMuc = visitorIn(clients.connect("stan"), room, "stan", handle);

            memberMuc.requestVoice();
            strangerMuc.requestVoice();

            await().atMost(WAIT).until(() -> handle.occupant("mia").map(o -> o.role() == Role.PARTICIPANT).orElse(false));
            assertThat(awaitRequest(bot, room, "mia").decision()).isEqualTo(VoiceDecision.GRANTED);
            assertThat(awaitRequest(bot, room, "stan").decision()).isEqualTo(VoiceDecision.FORWARDED);
            assertThat(handle.occupant("stan").orElseThrow().role()).isEqualTo(Role.VISITOR);
        }
    }

    @Test
    void aDeniedVisitorStaysAVisitor(TestClients clients) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom("voicedeny");
        try (BotUnderTest bot = start(room, VoiceRequestPolicy.of(VoiceRequestPolicy.Kind.DENY))) {
            RoomHandle handle = handle(bot, room);
            XmppTestClient dora = clients.connect("dora");
            MultiUserChat visitor = visitorIn(dora, room, "dora", handle);

            visitor.requestVoice();

            assertThat(awaitRequest(bot, room, "dora").decision()).isEqualTo(VoiceDecision.DECLINED);
            // The decline is a form the server takes silently; what can fail is the visitor getting voice anyway.
            await().during(Duration.ofSeconds(3)).atMost(WAIT).until(() ->
                    handle.occupant("dora").map(o -> o.role() == Role.VISITOR).orElse(false));
            assertThat(dora.receivedFrom(room)).as("nothing is said to the visitor").isEmpty();
        }
    }

    private static BotUnderTest start(EntityBareJid room, VoiceRequestPolicy policy) {
        DesiredRoomConfig moderated = new DesiredRoomConfig(Optional.of("Voice requests"), Optional.empty(),
                Optional.of(true), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(true), Optional.empty(), Optional.empty(), Optional.empty());
        RoomSettings settings = new RoomSettings(room, Optional.empty(), Optional.empty(), moderated, List.of(), false,
                Optional.empty()).withVoiceRequests(policy);
        BotUnderTest bot = BotUnderTest.builder(servers.server()).room(settings).start();
        bot.awaitJoined(room);
        await().atMost(WAIT).until(() -> bot.status(room).ready());
        return bot;
    }

    private static RoomHandle handle(BotUnderTest bot, EntityBareJid room) {
        return bot.bot().rooms().room(room.toString()).orElseThrow();
    }

    /** Joins, then is made a visitor by the bot (a moderated room's newcomer is one on Prosody, not on ejabberd). */
    private static MultiUserChat visitorIn(XmppTestClient client, EntityBareJid room, String nick, RoomHandle handle)
            throws Exception {
        MultiUserChat muc = client.join(room, nick);
        await().atMost(WAIT).until(() -> handle.occupant(nick).isPresent());
        if (handle.occupant(nick).orElseThrow().role() != Role.VISITOR) {
            assertThat(handle.revokeVoice(nick).toCompletableFuture().join()).isEqualTo(ActionResult.DONE);
        }
        await().atMost(WAIT).until(() -> handle.occupant(nick).map(o -> o.role() == Role.VISITOR).orElse(false));
        return muc;
    }

    private static List<VoiceRequestedEvent> requests(BotUnderTest bot, EntityBareJid room, String nick) {
        return bot.events().inRoom(room.toString(), VoiceRequestedEvent.class).stream()
                .filter(event -> event.request().nick().equals(nick)).toList();
    }

    private static VoiceRequestedEvent awaitRequest(BotUnderTest bot, EntityBareJid room, String nick) {
        return await().atMost(WAIT).until(() -> bot.events().inRoom(room.toString(), VoiceRequestedEvent.class).stream()
                .filter(event -> event.request().nick().equals(nick)).findFirst(), Optional::isPresent).orElseThrow();
    }

    private static boolean isVoiceRequest(Message message) {
        DataForm form = DataForm.from(message);
        return form != null && VoiceRequestForm.FORM_TYPE.equals(form.getFormType());
    }
}
