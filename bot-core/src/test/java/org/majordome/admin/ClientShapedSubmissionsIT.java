package org.majordome.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Stanza;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandNote;
import org.jivesoftware.smackx.commands.packet.AdHocCommandData;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.ListSingleFormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.majordome.testing.BotUnderTest;
import org.majordome.testing.EveryServerExtension;
import org.majordome.testing.TestClients;
import org.majordome.testing.XmppTestClient;
import org.majordome.testing.support.Feature;
import org.majordome.testing.support.Proves;

/**
 * Ad-hoc commands (XEP-0050 §4 with XEP-0004 forms) driven by submissions shaped like those real clients
 * send, not like Smack's: fields without {@code type} (XEP-0004 §3.2 allows it; Profanity, Poezio), {@code
 * action='next'} on a single-stage command (Poezio), {@code complete} with typed fields (Gajim, Psi), several
 * values in a multi-line field, and a cancel in the middle. Each request is a hand-built IQ sent from a real
 * client connection, and each answer is read as the client gets it: a result, or an error with a text. On
 * Prosody and ejabberd alike: the server only routes these IQs, and both pass them on unchanged.
 */
@Proves(Feature.ADHOC_COMMANDS)
@ClassTemplate
class ClientShapedSubmissionsIT {

    @RegisterExtension
    static final EveryServerExtension servers = new EveryServerExtension();

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);

    /** A command IQ written by hand, as a client other than Smack writes it. */
    private static final class RawCommand extends IQ {
        private final String attributes;
        private final String content;

        RawCommand(EntityFullJid to, String attributes, String content) {
            super(AdHocCommandData.ELEMENT, AdHocCommandData.NAMESPACE);
            setType(Type.set);
            setTo(to);
            this.attributes = attributes;
            this.content = content;
        }

        @Override
        protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
            xml.append(' ').append(attributes);
            xml.rightAngleBracket();
            xml.append(content);
            return xml;
        }
    }

    private record Setup(BotUnderTest bot, EntityFullJid botJid, EntityBareJid room, XmppTestClient boss,
                         XmppTestClient listener) implements AutoCloseable {
        @Override
        public void close() {
            bot.close();
        }
    }

    private static Setup start(TestClients clients, String hint) throws Exception {
        EntityBareJid room = servers.server().uniqueRoom(hint);
        XmppTestClient boss = clients.connect("boss");
        BotUnderTest bot = BotUnderTest.builder(servers.server()).room(room).admin(boss.bareJid()).start();
        bot.awaitJoined(room);
        XmppTestClient listener = clients.connect("listener");
        listener.join(room, "listener");
        EntityFullJid botJid = JidCreate.entityFullFrom(BotUnderTest.ACCOUNT + "@" + servers.server().domain()
                + "/majordome");
        return new Setup(bot, botJid, room, boss, listener);
    }

    /** Sends the IQ and returns the answer, or null when none came (what the old bot did to Profanity). */
    private static Stanza send(Setup setup, String attributes, String content) throws Exception {
        RawCommand request = new RawCommand(setup.botJid(), attributes, content);
        StanzaCollector answers = setup.boss().connection().createStanzaCollectorAndSend(request);
        try {
            return answers.nextResult(ANSWER_TIMEOUT.toMillis());
        } finally {
            answers.cancel();
        }
    }

    private static AdHocCommandData result(Stanza answer) {
        assertThat(answer).as("the bot's answer").isNotNull();
        assertThat(answer.getError()).as("error in the bot's answer").isNull();
        return (AdHocCommandData) answer;
    }

    private static StanzaError error(Stanza answer) {
        assertThat(answer).as("the bot's answer").isNotNull();
        assertThat(answer.getError()).as("the bot's answer is an error: " + answer.toXML()).isNotNull();
        assertThat(answer.getError().getDescriptiveText()).as("the text of " + answer.toXML()).isNotNull();
        return answer.getError();
    }

    private static AdHocCommandData startCommand(Setup setup, String node) throws Exception {
        AdHocCommandData form = result(send(setup, "node='" + node + "' action='execute'", ""));
        assertThat(form.getStatus()).isEqualTo(AdHocCommand.Status.executing);
        return form;
    }

    private static String notes(AdHocCommandData answer) {
        return String.join("\n", answer.getNotes().stream().map(AdHocCommandNote::getValue).toList());
    }

    private static String formType(AdHocCommandData answer) {
        return "<field var='FORM_TYPE'><value>" + answer.getForm().getFormType() + "</value></field>";
    }

    @Test
    void everyFormHasAFormTypeTypedLabelledFieldsLabelledOptionsAndInstructions(TestClients clients) throws Exception {
        try (Setup setup = start(clients, "forms")) {
            for (String node : List.of("join", "leave", "subject", "announce")) {
                DataForm form = startCommand(setup, node).getForm();
                assertThat(form.getFormType()).as(node + " FORM_TYPE").startsWith("urn:x-majordome:admin:" + node);
                assertThat(form.getInstructions()).as(node + " instructions").isNotEmpty();
                for (FormField field : form.getFields()) {
                    if (field.getType() != FormField.Type.hidden) {
                        assertThat(field.getLabel()).as(node + " label of " + field.getFieldName()).isNotBlank();
                    }
                    if (field instanceof ListSingleFormField list) {
                        assertThat(list.getOptions()).isNotEmpty()
                                .allSatisfy(option -> assertThat(option.getLabel()).isNotBlank());
                    }
                }
            }
            assertThat(startCommand(setup, "announce").getForm().getField("text").getType())
                    .isEqualTo(FormField.Type.text_multi);
            assertThat(startCommand(setup, "subject").getForm().getField("room").getType())
                    .isEqualTo(FormField.Type.list_single);
        }
    }

    @Test
    void profanityTwoLineAnnouncementWithoutFieldTypesGotNoAnswerAtAll(TestClients clients) throws Exception {
        try (Setup setup = start(clients, "profanity")) {
            AdHocCommandData form = startCommand(setup, "announce");
            AdHocCommandData done = result(send(setup,
                    "node='announce' sessionid='" + form.getSessionID() + "' action='execute'",
                    "<x xmlns='jabber:x:data' type='submit'>" + formType(form)
                            + "<field var='text'><value>Maintenance at noon</value><value>Back by one</value></field></x>"));
            assertThat(done.getStatus()).isEqualTo(AdHocCommand.Status.completed);
            assertThat(notes(done)).contains("Announced in 1 of 1 room.");
            setup.listener().awaitBodyFrom(setup.room(), "Maintenance at noon\nBack by one");
        }
    }

    @Test
    void twoLineAnnouncementWithoutFieldTypesNorFormTypeGotNoAnswerAtAll(TestClients clients) throws Exception {
        try (Setup setup = start(clients, "no-form-type")) {
            AdHocCommandData form = startCommand(setup, "announce");
            AdHocCommandData done = result(send(setup,
                    "node='announce' sessionid='" + form.getSessionID() + "' action='complete'",
                    "<x xmlns='jabber:x:data' type='submit'>"
                            + "<field var='text'><value>First line</value><value>Second &amp; last</value></field></x>"));
            assertThat(notes(done)).contains("Announced in 1 of 1 room.");
            setup.listener().awaitBodyFrom(setup.room(), "First line\nSecond & last");
        }
    }

    @Test
    void poezioSubmittingWithActionNextGotBadRequest(TestClients clients) throws Exception {
        try (Setup setup = start(clients, "poezio")) {
            AdHocCommandData form = startCommand(setup, "subject");
            AdHocCommandData done = result(send(setup,
                    "node='subject' sessionid='" + form.getSessionID() + "' action='next'",
                    "<x xmlns='jabber:x:data' type='submit'>" + formType(form)
                            + "<field var='room'><value>" + setup.room() + "</value></field>"
                            + "<field var='text'><value>Set from Poezio</value></field></x>"));
            assertThat(notes(done)).contains("Subject of " + setup.room() + " set");
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> setup.bot().bot().rooms().subject(setup.room()).orElse("").equals("Set from Poezio"));
        }
    }

    @Test
    void gajimAndPsiSubmittingTypedFieldsWithCompleteOrExecuteStillWork(TestClients clients) throws Exception {
        try (Setup setup = start(clients, "gajim")) {
            for (String action : List.of("complete", "execute")) {
                AdHocCommandData form = startCommand(setup, "announce");
                AdHocCommandData done = result(send(setup,
                        "node='announce' sessionid='" + form.getSessionID() + "' action='" + action + "'",
                        "<x xmlns='jabber:x:data' type='submit'>"
                                + "<field var='FORM_TYPE' type='hidden'><value>" + form.getForm().getFormType()
                                + "</value></field><field var='text' type='text-multi'><value>Typed, "
                                + action + "</value></field></x>"));
                assertThat(notes(done)).contains("Announced in 1 of 1 room.");
                setup.listener().awaitBodyFrom(setup.room(), "Typed, " + action);
            }
        }
    }

    @Test
    void cancelInTheMiddleEndsTheSessionAndRunsNothing(TestClients clients) throws Exception {
        try (Setup setup = start(clients, "cancel")) {
            AdHocCommandData form = startCommand(setup, "announce");
            AdHocCommandData canceled = result(send(setup,
                    "node='announce' sessionid='" + form.getSessionID() + "' action='cancel'", ""));
            assertThat(canceled.getStatus()).isEqualTo(AdHocCommand.Status.canceled);

            StanzaError late = error(send(setup,
                    "node='announce' sessionid='" + form.getSessionID() + "' action='complete'",
                    "<x xmlns='jabber:x:data' type='submit'><field var='text'><value>Too late</value></field></x>"));
            assertThat(late.getCondition()).isEqualTo(StanzaError.Condition.bad_request);
            assertThat(late.getDescriptiveText()).contains("start the command again");
            // A later announcement arrives while the canceled one never did.
            AdHocCommandData next = startCommand(setup, "announce");
            result(send(setup, "node='announce' sessionid='" + next.getSessionID() + "' action='complete'",
                    "<x xmlns='jabber:x:data' type='submit'><field var='text'><value>After the cancel</value></field></x>"));
            setup.listener().awaitBodyFrom(setup.room(), "After the cancel");
            assertThat(setup.listener().bodiesFrom(setup.room())).doesNotContain("Too late");
        }
    }

    @Test
    void malformedSubmissionsWereAnsweredWithSilence(TestClients clients) throws Exception {
        try (Setup setup = start(clients, "malformed")) {
            AdHocCommandData form = startCommand(setup, "subject");
            StanzaError twoSubjects = error(send(setup,
                    "node='subject' sessionid='" + form.getSessionID() + "' action='complete'",
                    "<x xmlns='jabber:x:data' type='submit'>" + formType(form)
                            + "<field var='room'><value>" + setup.room() + "</value></field>"
                            + "<field var='text'><value>One</value><value>Two</value></field></x>"));
            assertThat(twoSubjects.getCondition()).isEqualTo(StanzaError.Condition.bad_request);
            assertThat(twoSubjects.getDescriptiveText()).contains("Subject", "takes one value");

            StanzaError noVar = error(send(setup,
                    "node='subject' sessionid='" + form.getSessionID() + "' action='complete'",
                    "<x xmlns='jabber:x:data' type='submit'><field><value>x</value><value>y</value></field></x>"));
            assertThat(noVar.getCondition()).isEqualTo(StanzaError.Condition.bad_request);
            assertThat(noVar.getDescriptiveText()).contains("var");
            // Issue 20: why the request could not be read was English whatever language the requester asked for.
            StanzaError noVarInFrench = error(send(setup, "node='subject' sessionid='" + form.getSessionID()
                    + "' action='complete' xml:lang='fr'",
                    "<x xmlns='jabber:x:data' type='submit'><field><value>x</value><value>y</value></field></x>"));
            assertThat(noVarInFrench.getDescriptiveText()).contains("un champ envoyé n’a pas de nom");

            StanzaError badAction = error(send(setup,
                    "node='subject' sessionid='" + form.getSessionID() + "' action='finish'", ""));
            assertThat(badAction.getCondition()).isEqualTo(StanzaError.Condition.bad_request);
            assertThat(badAction.getDescriptiveText()).contains("execute, next, complete or cancel");

            // The session survived the refusals: the corrected form runs.
            AdHocCommandData done = result(send(setup,
                    "node='subject' sessionid='" + form.getSessionID() + "' action='complete'",
                    "<x xmlns='jabber:x:data' type='submit'>" + formType(form)
                            + "<field var='room'><value>" + setup.room() + "</value></field>"
                            + "<field var='text'><value>Corrected</value></field></x>"));
            assertThat(notes(done)).contains("set");
        }
    }
}
