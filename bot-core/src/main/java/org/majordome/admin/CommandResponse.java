package org.majordome.admin;

import org.jivesoftware.smack.util.XmlStringBuilder;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.AdHocCommandNote;
import org.jivesoftware.smackx.commands.packet.AdHocCommandData;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.ListSingleFormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;

/**
 * The bot's answer to a command request (XEP-0050 §4), written as Smack writes it except for the form: every
 * field carries its {@code type}. Smack leaves out {@code type='text-single'}, the XEP-0004 default, and
 * Profanity then offers no way to fill the field in.
 */
final class CommandResponse extends AdHocCommandData {

    @Override
    protected IQChildElementXmlStringBuilder getIQChildElementBuilder(IQChildElementXmlStringBuilder xml) {
        xml.attribute("node", getNode());
        xml.optAttribute("sessionid", getSessionID());
        xml.optAttribute("status", getStatus());
        xml.rightAngleBracket();
        if (getType() == Type.result) {
            xml.halfOpenElement("actions");
            xml.optAttribute("execute", getExecuteAction());
            if (getActions().isEmpty()) {
                xml.closeEmptyElement();
            } else {
                xml.rightAngleBracket();
                for (AdHocCommand.Action action : getActions()) {
                    xml.emptyElement(action);
                }
                xml.closeElement("actions");
            }
        }
        if (getForm() != null) {
            xml.append(formXml(getForm()));
        }
        for (AdHocCommandNote note : getNotes()) {
            xml.halfOpenElement("note").attribute("type", note.getType().toString()).rightAngleBracket();
            xml.escape(note.getValue());
            xml.closeElement("note");
        }
        return xml;
    }

    /** A form as XEP-0004 writes it, with the type of every field, the label of every option. */
    static XmlStringBuilder formXml(DataForm form) {
        XmlStringBuilder xml = new XmlStringBuilder();
        xml.halfOpenElement(DataForm.ELEMENT).xmlnsAttribute(DataForm.NAMESPACE)
                .attribute("type", form.getType().toString()).rightAngleBracket();
        xml.optElement("title", form.getTitle());
        form.getInstructions().forEach(instruction -> xml.element("instructions", instruction));
        for (FormField field : form.getFields()) {
            xml.halfOpenElement("field").attribute("var", field.getFieldName())
                    .attribute("type", field.getType().toString()).optAttribute("label", field.getLabel())
                    .rightAngleBracket();
            if (field.isRequired()) {
                xml.emptyElement("required");
            }
            field.getValues().forEach(value -> xml.element("value", value));
            if (field instanceof ListSingleFormField list) {
                for (FormField.Option option : list.getOptions()) {
                    xml.halfOpenElement("option").optAttribute("label", option.getLabel()).rightAngleBracket()
                            .element("value", option.getValueString()).closeElement("option");
                }
            }
            xml.closeElement("field");
        }
        return xml.closeElement(DataForm.ELEMENT);
    }
}
