package org.majordome.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;

import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.packet.AdHocCommandData;
import org.junit.jupiter.api.Test;

/**
 * Command requests Smack 4.4.8's own provider throws on, which made Smack drop the whole IQ unanswered
 * (XEP-0050 §4 with XEP-0004 §3.2 submissions).
 */
class CommandRequestProviderTest {

    private static AdHocCommandData read(String content, String attributes) throws Exception {
        String xml = "<command xmlns='http://jabber.org/protocol/commands' " + attributes + ">" + content + "</command>";
        return new CommandRequestProvider().parse(PacketParserUtils.getParserFor(xml));
    }

    @Test
    void typelessMultiValueFieldWithoutFormTypeMadeSmackDropTheRequest() throws Exception {
        AdHocCommandData request = read("<x xmlns='jabber:x:data' type='submit'><field var='provider-test-text'>"
                + "<value>One &amp; &lt;two&gt;</value><value>Three</value></field></x>",
                "node='announce' sessionid='s1' action='execute'");

        assertThat(request).isNotInstanceOf(CommandRequestProvider.Unreadable.class);
        assertThat(request.getNode()).isEqualTo("announce");
        assertThat(request.getSessionID()).isEqualTo("s1");
        assertThat(request.getAction()).isEqualTo(AdHocCommand.Action.execute);
        assertThat(request.getForm().getField("provider-test-text").getValuesAsString())
                .containsExactly("One & <two>", "Three");
    }

    @Test
    void anUnknownActionMadeSmackThrowAndDropTheRequest() throws Exception {
        AdHocCommandData request = read("", "node='status' action='finish'");

        assertThat(request.getAction()).isEqualTo(AdHocCommand.Action.unknown);
        assertThat(request.getNode()).isEqualTo("status");
    }

    @Test
    void aFieldWithoutNameBecomesAnUnreadableRequestThatSaysWhy() throws Exception {
        AdHocCommandData request = read("<x xmlns='jabber:x:data' type='submit'><field><value>a</value>"
                + "<value>b</value></field></x>", "node='subject' sessionid='s2'");

        assertThat(request).isInstanceOfSatisfying(CommandRequestProvider.Unreadable.class,
                unreadable -> assertThat(unreadable.problem()).contains("var"));
        assertThat(request.getNode()).isEqualTo("subject");
    }

    /** Issue 20: why a request could not be read was English whatever language the requester asked for. */
    @Test
    void anUnreadableRequestSaysWhyInTheRequestersLanguage() throws Exception {
        AdHocCommandData request = read("<x xmlns='jabber:x:data' type='submit'><field><value>a</value>"
                + "<value>b</value></field></x>", "node='subject' sessionid='s2' xml:lang='fr'");

        assertThat(request.getLanguage()).isEqualTo("fr");
        assertThat(request).isInstanceOfSatisfying(CommandRequestProvider.Unreadable.class, unreadable -> {
            assertThat(unreadable.problem(org.majordome.text.TextService.runtimeWording(java.util.Locale.FRENCH,
                    java.time.ZoneOffset.UTC))).isEqualTo("L’élément de commande est illisible\u00a0: un champ envoyé "
                    + "n’a pas de nom (pas d’attribut «\u00a0var\u00a0»).");
            assertThat(unreadable.problem()).isEqualTo("The command element could not be read: a submitted field has "
                    + "no name (no 'var' attribute).");
        });
    }

    @Test
    void wellFormedRequestsAndResultsReadAsSmackReadsThem() throws Exception {
        AdHocCommandData result = read("<actions execute='complete'><complete/></actions>"
                + "<note type='info'>Done</note>", "node='status' sessionid='s3' status='completed'");

        assertThat(result.getStatus()).isEqualTo(AdHocCommand.Status.completed);
        assertThat(result.getExecuteAction()).isEqualTo(AdHocCommand.Action.complete);
        assertThat(result.getNotes()).singleElement().satisfies(note -> assertThat(note.getValue()).isEqualTo("Done"));
    }

    @Test
    void errorTextsLostTheirNamespaceOnTheWireSoClientsShowedNoReason() throws Exception {
        AdHocCommandData request = new AdHocCommandData();
        request.setType(IQ.Type.set);
        request.setNode("subject");
        IQ error = IQ.createErrorResponse(request, StanzaError.getBuilder(StanzaError.Condition.bad_request)
                .addExtension(CommandResponse.errorText("Why & how")).build());

        // Written as a connection writes a stanza: there Smack's own <text/> loses its xmlns.
        XmlEnvironment stream = XmlEnvironment.builder().withNamespace("jabber:client").build();
        StringWriter wire = new StringWriter();
        ((XmlStringBuilder) error.toXML(stream)).write(wire, stream);

        assertThat(PacketParserUtils.parseStanza(wire.toString()).getError().getDescriptiveText()).isEqualTo("Why & how");
    }
}
