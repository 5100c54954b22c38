package org.majordome.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.MessageBuilder;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.StanzaBuilder;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.majordome.api.event.BotEvent;
import org.majordome.api.event.Role;
import org.majordome.api.event.VoiceDecision;
import org.majordome.api.event.VoiceRequest;
import org.majordome.api.event.VoiceRequestedEvent;

/** The voice request form a room forwards to its moderators (XEP-0045 §8.6), and the event the intake makes of it. */
class VoiceRequestFormTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    @Test
    void theFormProsodyAndEjabberdForwardIsRead() throws Exception {
        Message forwarded = message("lobby@conference.localhost", form(VoiceRequestForm.FORM_TYPE, "participant",
                "vera@localhost/phone", "vera"));

        assertThat(VoiceRequestForm.parse(forwarded))
                .contains(new VoiceRequest("vera", Optional.of("vera@localhost"), Role.PARTICIPANT));
    }

    @Test
    void aFormWithoutRoleAsksForVoiceAndOneWithoutJidHasNone() throws Exception {
        Message forwarded = message("lobby@conference.localhost", form(VoiceRequestForm.FORM_TYPE, null, null, "vera"));

        assertThat(VoiceRequestForm.parse(forwarded))
                .contains(new VoiceRequest("vera", Optional.empty(), Role.PARTICIPANT));
    }

    @Test
    void anotherFormOrAFormWithoutNickIsNoRequest() throws Exception {
        assertThat(VoiceRequestForm.parse(message("lobby@conference.localhost",
                form("http://jabber.org/protocol/muc#roomconfig", "participant", null, "vera")))).isEmpty();
        assertThat(VoiceRequestForm.parse(message("lobby@conference.localhost",
                form(VoiceRequestForm.FORM_TYPE, "participant", "vera@localhost", null)))).isEmpty();
        assertThat(VoiceRequestForm.parse(message("lobby@conference.localhost", null))).isEmpty();
    }

    @Test
    void theRoomsForwardedRequestBecomesAnEventWithTheRequestersSnapshot() throws Exception {
        List<BotEvent> events = new ArrayList<>();
        RoomStanzaIntake intake = intake(events);
        intake.onPresence(visitorPresence("vera"));
        events.clear();

        intake.onMessage(message("lobby@conference.localhost", form(VoiceRequestForm.FORM_TYPE, "participant",
                "vera@localhost/phone", "vera")));

        assertThat(events).singleElement().isInstanceOfSatisfying(VoiceRequestedEvent.class, event -> {
            assertThat(event.roomJid()).isEqualTo("lobby@conference.localhost");
            assertThat(event.occupant().nick()).isEqualTo("vera");
            assertThat(event.occupant().role()).isEqualTo(Role.VISITOR);
            assertThat(event.request().realJid()).contains("vera@localhost");
            assertThat(event.decision()).isEqualTo(VoiceDecision.FORWARDED);
            assertThat(event.receivedAt()).isEqualTo(NOW);
        });
    }

    @Test
    void aRequestFormSentByAnOccupantIsNotTheRoomsWord() throws Exception {
        List<BotEvent> events = new ArrayList<>();
        RoomStanzaIntake intake = intake(events);

        intake.onMessage(message("lobby@conference.localhost/mallory", form(VoiceRequestForm.FORM_TYPE,
                "participant", "vera@localhost", "vera")));

        assertThat(events).isEmpty();
    }

    private static RoomStanzaIntake intake(List<BotEvent> events) throws Exception {
        EntityBareJid room = JidCreate.entityBareFrom("lobby@conference.localhost");
        RoomStanzaIntake.Membership membership = new RoomStanzaIntake.Membership() {
            @Override
            public void heard() {
            }

            @Override
            public boolean ownPresence(Presence presence, MUCUser muc) {
                return false;
            }

            @Override
            public boolean inRoom() {
                return true;
            }

            @Override
            public Resourcepart nick() {
                return Resourcepart.fromOrThrowUnchecked("Majordome");
            }
        };
        return new RoomStanzaIntake(room, membership, events::add, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static Presence visitorPresence(String nick) throws Exception {
        MUCUser muc = new MUCUser();
        muc.setItem(new org.jivesoftware.smackx.muc.packet.MUCItem(org.jivesoftware.smackx.muc.MUCRole.visitor,
                Resourcepart.from(nick)));
        return StanzaBuilder.buildPresence().from(JidCreate.from("lobby@conference.localhost/" + nick))
                .ofType(Presence.Type.available).addExtension(muc).build();
    }

    private static DataForm form(String formType, String role, String jid, String nick) {
        DataForm.Builder form = DataForm.builder(DataForm.Type.form).setFormType(formType);
        if (role != null) {
            form.addField(FormField.listSingleBuilder(VoiceRequestForm.ROLE).setValue(role).build());
        }
        if (jid != null) {
            form.addField(FormField.jidSingleBuilder(VoiceRequestForm.JID).setValue(JidCreate.fromOrThrowUnchecked(jid))
                    .build());
        }
        if (nick != null) {
            form.addField(FormField.textSingleBuilder(VoiceRequestForm.ROOM_NICK).setValue(nick).build());
        }
        form.addField(FormField.booleanBuilder(VoiceRequestForm.ALLOW).setValue(false).build());
        return form.build();
    }

    private static Message message(String from, DataForm form) throws Exception {
        Jid sender = JidCreate.from(from);
        MessageBuilder builder = StanzaBuilder.buildMessage().from(sender).ofType(Message.Type.normal);
        if (form != null) {
            builder.addExtension(form);
        }
        return builder.build();
    }
}
