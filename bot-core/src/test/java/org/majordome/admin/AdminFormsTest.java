package org.majordome.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jivesoftware.smackx.xdata.provider.DataFormProvider;
import org.junit.jupiter.api.Test;
import org.majordome.api.admin.AdminCommand;
import org.majordome.api.admin.AdminField;
import org.majordome.api.admin.AdminRequest;
import org.majordome.api.admin.AdminResult;

/** The forms the bot sends (XEP-0004 §3.1, XEP-0068 FORM_TYPE) and the reading of submissions against them. */
class AdminFormsTest {

    private static AdminCommand command(String node, String instructions) {
        return new AdminCommand() {
            @Override
            public String node() {
                return node;
            }

            @Override
            public String name() {
                return "Test " + node;
            }

            @Override
            public String instructions() {
                return instructions;
            }

            @Override
            public AdminResult run(AdminRequest request) {
                return AdminResult.done("ran");
            }
        };
    }

    private static final List<AdminField> FIELDS = List.of(
            AdminField.choice("room", "Room", List.of("a@conference.localhost", "b@conference.localhost")),
            AdminField.text("subject", "Subject"),
            AdminField.multilineText("text", "Announcement"),
            AdminField.jid("who", "Who").optional());

    private static DataForm parse(String xml) throws Exception {
        XmlPullParser parser = PacketParserUtils.getParserFor(xml);
        return DataFormProvider.INSTANCE.parse(parser);
    }

    @Test
    void formsHadNoFormTypeNoInstructionsAndUnlabelledOptions() {
        DataForm form = AdminForms.form(command("unit-shape", "Pick a room."), FIELDS);

        assertThat(form.getFormType()).isEqualTo("urn:x-majordome:admin:unit-shape");
        assertThat(form.getFields().getFirst().getFieldName()).isEqualTo(FormField.FORM_TYPE);
        assertThat(form.getInstructions()).containsExactly("Pick a room.", AdminForms.HOW_TO_RUN);
        assertThat(form.getField("room").getType()).isEqualTo(FormField.Type.list_single);
        assertThat(form.getField("subject").getType()).isEqualTo(FormField.Type.text_single);
        assertThat(form.getField("text").getType()).isEqualTo(FormField.Type.text_multi);
        assertThat(form.getField("who").getType()).isEqualTo(FormField.Type.jid_single);
        assertThat(form.getFields()).filteredOn(field -> field.getType() != FormField.Type.hidden)
                .allSatisfy(field -> assertThat(field.getLabel()).isNotBlank());
        assertThat(((org.jivesoftware.smackx.xdata.ListSingleFormField) form.getField("room")).getOptions())
                .extracting(FormField.Option::getLabel)
                .containsExactly("a@conference.localhost", "b@conference.localhost");
    }

    @Test
    void textSingleFieldsWereSentWithoutATypeSoProfanityCouldNotFillThemIn() throws Exception {
        DataForm form = AdminForms.form(command("unit-wire", ""), FIELDS);

        String wire = CommandResponse.formXml(form).toString();

        assertThat(wire).contains("var='subject' type='text-single' label='Subject'",
                "var='text' type='text-multi'", "var='room' type='list-single'", "var='who' type='jid-single'",
                "var='FORM_TYPE' type='hidden'", "<option label='a@conference.localhost'>");
        assertThat(parse(wire).getFields()).hasSize(5);
    }

    @Test
    void twoLineAnswerWithoutFieldTypeWasGuessedTextSingleAndDropped() throws Exception {
        DataForm sent = AdminForms.form(command("unit-typeless", ""), FIELDS);

        // What Profanity submits: FORM_TYPE echoed, no field types, one <value/> per line.
        DataForm submitted = parse("<x xmlns='jabber:x:data' type='submit'>"
                + "<field var='FORM_TYPE'><value>" + sent.getFormType() + "</value></field>"
                + "<field var='text'><value>Line one</value><value>Line two</value></field></x>");

        assertThat(submitted.getField("text").getType()).isEqualTo(FormField.Type.text_multi);
        assertThat(AdminForms.answers(sent.getFormType(), FIELDS, submitted))
                .containsEntry("text", "Line one\nLine two");
    }

    @Test
    void severalValuesInAOneValueFieldAreRefusedWithTheFieldNamed() {
        DataForm submitted = DataForm.builder(DataForm.Type.submit)
                .addField(FormField.textMultiBuilder("subject").addValue("One").addValue("Two").build()).build();

        assertThatThrownBy(() -> AdminForms.answers("urn:x-majordome:admin:x", FIELDS, submitted))
                .isInstanceOf(AdminForms.MalformedSubmission.class)
                .hasMessageContaining("'Subject'").hasMessageContaining("takes one value");
    }

    @Test
    void aSubmissionOfAnotherFormIsRefused() {
        DataForm submitted = DataForm.builder(DataForm.Type.submit).setFormType("urn:other").build();

        assertThatThrownBy(() -> AdminForms.answers("urn:x-majordome:admin:x", FIELDS, submitted))
                .isInstanceOf(AdminForms.MalformedSubmission.class).hasMessageContaining("urn:other");
    }

    @Test
    void answersAreReadByNameWhateverTheirTypeAndEmptyOnesLeftOut() throws Exception {
        DataForm submitted = DataForm.builder(DataForm.Type.submit)
                .addField(FormField.textMultiBuilder("room").addValue(" a@conference.localhost ").build())
                .addField(FormField.textSingleBuilder("subject").setValue("").build())
                .addField(FormField.textSingleBuilder("unasked").setValue("ignored").build()).build();

        Map<String, String> answers = AdminForms.answers("urn:x-majordome:admin:x", FIELDS, submitted);

        assertThat(answers).containsExactly(Map.entry("room", "a@conference.localhost"));
        assertThat(AdminForms.answers("urn:x-majordome:admin:x", FIELDS, null)).isEmpty();
    }

    @Test
    void aCommandWhoseFieldChangedKindThrewInSmacksFormRegistry() {
        List<AdminField> asJid = List.of(AdminField.jid("room", "Room"));
        List<AdminField> asChoice = List.of(AdminField.choice("room", "Room", List.of("a@conference.localhost")));

        DataForm first = AdminForms.form(command("unit-kinds", ""), asJid);
        DataForm second = AdminForms.form(command("unit-kinds", ""), asChoice);
        DataForm again = AdminForms.form(command("unit-kinds", ""), asChoice);

        assertThat(first.getFormType()).isEqualTo("urn:x-majordome:admin:unit-kinds");
        assertThat(second.getFormType()).startsWith("urn:x-majordome:admin:unit-kinds:").isEqualTo(again.getFormType());
    }
}
