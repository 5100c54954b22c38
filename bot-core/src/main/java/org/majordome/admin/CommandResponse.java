package org.majordome.admin;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smack.packet.XmlEnvironment;
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

    /**
     * The human-readable text of a stanza error (RFC 6120 §8.3.2), written by hand: Smack 4.4.8 drops the
     * {@code xmlns} of the {@code <text/>} it writes after the condition element when it sends the stanza on a
     * connection (both carry the same namespace and its writer takes the second as redundant), so clients read
     * it as an unknown element and show no text. Added as the error's first extension, it follows the condition.
     */
    static ExtensionElement errorText(String text) {
        return new ExtensionElement() {
            @Override
            public String getElementName() {
                return "text";
            }

            @Override
            public String getNamespace() {
                return StanzaError.ERROR_CONDITION_AND_TEXT_NAMESPACE;
            }

            @Override
            public CharSequence toXML(XmlEnvironment enclosing) {
                return new XmlStringBuilder().append("<text xmlns='" + StanzaError.ERROR_CONDITION_AND_TEXT_NAMESPACE
                        + "' xml:lang='en'>").escape(text).append("</text>");
            }
        };
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
