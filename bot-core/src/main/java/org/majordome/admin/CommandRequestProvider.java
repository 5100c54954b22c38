package org.majordome.admin;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jivesoftware.smack.packet.XmlEnvironment;
import org.jivesoftware.smack.provider.IQProvider;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.jivesoftware.smack.xml.XmlPullParser;
import org.jivesoftware.smack.xml.XmlPullParserException;
import org.jivesoftware.smackx.commands.AdHocCommand;
import org.jivesoftware.smackx.commands.packet.AdHocCommandData;
import org.jivesoftware.smackx.commands.provider.AdHocCommandDataProvider;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.majordome.api.text.Wording;
import org.majordome.text.TextService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads XEP-0050 {@code <command/>} elements so that no request is ever lost to a parsing failure.
 *
 * <p>Smack's own provider reads first. When it throws (a submitted field without {@code type} that Smack
 * cannot type and that holds several values, an action Smack does not know: {@code Action.valueOf} throws),
 * Smack 4.4.8 drops the whole IQ and the client never gets an answer. Here the element is read again
 * leniently: attributes as they are (an unknown action becomes {@link AdHocCommand.Action#unknown}), and each
 * submitted field as its name and values only, so that the responder can judge it against the form it sent.
 * What even that cannot read comes back as an {@link Unreadable} request, which the responder answers with
 * an error saying why.
 *
 * <p>Installed in Smack's global {@code ProviderManager} by {@link AdHocCommandResponder#install()}; results
 * parse as before (they go through Smack's provider, which reads them).
 */
final class CommandRequestProvider extends IQProvider<AdHocCommandData> {

    private static final Logger log = LoggerFactory.getLogger(CommandRequestProvider.class);
    private static final AdHocCommandDataProvider SMACK = new AdHocCommandDataProvider();

    /**
     * A command request that could not be read; {@link #problem} says why, for the client in its language (the XML
     * parser's own words, when it gave some, quoted as they came).
     */
    static final class Unreadable extends AdHocCommandData {
        private final boolean namelessField;
        private final String parserText;

        Unreadable(boolean namelessField, String parserText) {
            this.namelessField = namelessField;
            this.parserText = parserText;
        }

        String problem(Wording words) {
            return namelessField ? words.format("admin.error.unreadable.nameless-field")
                    : words.format("admin.error.unreadable", parserText);
        }

        /** In English, for the log. */
        String problem() {
            return problem(TextService.runtimeWording(Locale.ENGLISH, ZoneOffset.UTC));
        }
    }

    /** A submitted field without a name, which no command can take. */
    private static final class NamelessField extends IllegalArgumentException {
        NamelessField() {
            super("a submitted field has no 'var' attribute");
        }
    }

    @Override
    public AdHocCommandData parse(XmlPullParser parser, int initialDepth, XmlEnvironment xmlEnvironment)
            throws XmlPullParserException, IOException {
        String language = language(parser, xmlEnvironment);
        String xml = PacketParserUtils.parseElement(parser, true).toString();
        AdHocCommandData command;
        try {
            command = SMACK.parse(PacketParserUtils.getParserFor(xml), xmlEnvironment);
        } catch (Exception smackRefused) {
            log.debug("Smack could not read the ad-hoc command element ({}); reading it leniently", smackRefused.toString());
            try {
                command = readLeniently(PacketParserUtils.getParserFor(xml));
            } catch (Exception unreadable) {
                command = new Unreadable(unreadable instanceof NamelessField, String.valueOf(unreadable.getMessage()));
                command.setNode(attribute(xml, "node"));
            }
        }
        // Smack reads no xml:lang for an IQ: the responder answers in the language the requester asked for.
        command.setLanguage(language);
        return command;
    }

    /**
     * The {@code xml:lang} of the command element (XEP-0050's schema gives it one), else of its {@code <iq/>} as far
     * as Smack hands it (4.4.8 hands a provider the stream's environment, not the IQ's); null when neither has one.
     * Never the stream's: that is the server's language, not the requester's.
     */
    static String language(XmlPullParser parser, XmlEnvironment iq) {
        String own = parser.getAttributeValue("http://www.w3.org/XML/1998/namespace", "lang");
        if (own != null && !own.isBlank()) {
            return own;
        }
        return iq == null ? null : iq.getLanguage();
    }

    /** The attributes, and the submitted form as names and values (FORM_TYPE hidden, every other field a list). */
    static AdHocCommandData readLeniently(XmlPullParser parser) throws XmlPullParserException, IOException {
        AdHocCommandData command = new AdHocCommandData();
        command.setNode(parser.getAttributeValue("", "node"));
        command.setSessionID(parser.getAttributeValue("", "sessionid"));
        String action = parser.getAttributeValue("", "action");
        if (action != null) {
            command.setAction(action(action));
        }
        int depth = parser.getDepth();
        while (true) {
            XmlPullParser.Event event = parser.next();
            if (event == XmlPullParser.Event.END_DOCUMENT
                    || event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth) {
                return command;
            }
            if (event == XmlPullParser.Event.START_ELEMENT && "x".equals(parser.getName())
                    && DataForm.NAMESPACE.equals(parser.getNamespace())) {
                command.setForm(readForm(parser));
            }
        }
    }

    private static AdHocCommand.Action action(String text) {
        try {
            return AdHocCommand.Action.valueOf(text.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return AdHocCommand.Action.unknown;
        }
    }

    private static DataForm readForm(XmlPullParser parser) throws XmlPullParserException, IOException {
        DataForm.Type type = DataForm.Type.fromString(parser.getAttributeValue("", "type"));
        DataForm.Builder form = DataForm.builder(type == null ? DataForm.Type.submit : type);
        int depth = parser.getDepth();
        while (true) {
            XmlPullParser.Event event = parser.next();
            if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth) {
                return form.build();
            }
            if (event == XmlPullParser.Event.START_ELEMENT && "field".equals(parser.getName())) {
                String name = parser.getAttributeValue("", "var");
                List<String> values = readValues(parser);
                if (name == null || name.isEmpty()) {
                    throw new NamelessField();
                }
                if (FormField.FORM_TYPE.equals(name)) {
                    form.addField(FormField.hiddenBuilder(name).setValue(values.isEmpty() ? "" : values.get(0)).build());
                } else {
                    form.addField(FormField.textMultiBuilder(name).addValues(values).build());
                }
            }
        }
    }

    private static List<String> readValues(XmlPullParser parser) throws XmlPullParserException, IOException {
        List<String> values = new ArrayList<>();
        int depth = parser.getDepth();
        while (true) {
            XmlPullParser.Event event = parser.next();
            if (event == XmlPullParser.Event.END_ELEMENT && parser.getDepth() == depth) {
                return values;
            }
            if (event == XmlPullParser.Event.START_ELEMENT && "value".equals(parser.getName())
                    && parser.getDepth() == depth + 1) {
                values.add(parser.nextText());
            }
        }
    }

    private static String attribute(String xml, String name) {
        try {
            return PacketParserUtils.getParserFor(xml).getAttributeValue("", name);
        } catch (XmlPullParserException | IOException e) {
            return null;
        }
    }
}
