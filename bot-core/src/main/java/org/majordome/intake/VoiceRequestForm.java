package org.majordome.intake;

import java.util.Locale;
import java.util.Optional;

import org.jivesoftware.smack.packet.ExtensionElement;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.packet.DataForm;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.stringprep.XmppStringprepException;
import org.majordome.api.event.Role;
import org.majordome.api.event.VoiceRequest;

/**
 * Recognises a voice request the room forwards to its moderators (XEP-0045 §8.6): a message from the room's bare
 * JID carrying a data form of FORM_TYPE {@code http://jabber.org/protocol/muc#request}, with the requester's
 * {@code muc#roomnick}, {@code muc#jid} and the {@code muc#role} asked for. Only the room's own word counts: the
 * caller passes messages whose {@code from} is the room's bare JID, which the server vouches for, so that an
 * occupant cannot forge a request in someone else's name.
 */
public final class VoiceRequestForm {

    /** XEP-0045's FORM_TYPE of a voice request and of its answer. */
    public static final String FORM_TYPE = "http://jabber.org/protocol/muc#request";
    public static final String ROLE = "muc#role";
    public static final String JID = "muc#jid";
    public static final String ROOM_NICK = "muc#roomnick";
    public static final String ALLOW = "muc#request_allow";

    private VoiceRequestForm() {
    }

    /**
     * The request this message forwards, if it is one; empty for anything else, and for a request form without the
     * requester's nick (the bot could not act on it).
     */
    public static Optional<VoiceRequest> parse(Message message) {
        for (ExtensionElement element : message.getExtensions(DataForm.ELEMENT, DataForm.NAMESPACE)) {
            if (element instanceof DataForm form && FORM_TYPE.equals(form.getFormType())) {
                return fromForm(form);
            }
        }
        return Optional.empty();
    }

    private static Optional<VoiceRequest> fromForm(DataForm form) {
        Optional<String> nick = value(form, ROOM_NICK).filter(text -> !text.isBlank());
        if (nick.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> realJid = value(form, JID).flatMap(VoiceRequestForm::bareJid);
        Role role = value(form, ROLE).map(VoiceRequestForm::role).orElse(Role.PARTICIPANT);
        return Optional.of(new VoiceRequest(nick.get(), realJid, role));
    }

    private static Optional<String> value(DataForm form, String name) {
        FormField field = form.getField(name);
        return field == null ? Optional.empty() : Optional.ofNullable(field.getFirstValue());
    }

    /** Prosody and ejabberd put the requester's full JID there; events carry bare JIDs. */
    private static Optional<String> bareJid(String text) {
        try {
            Jid jid = JidCreate.from(text);
            return jid.getLocalpartOrNull() == null ? Optional.empty() : Optional.of(jid.asBareJid().toString());
        } catch (XmppStringprepException notAJid) {
            return Optional.empty();
        }
    }

    private static Role role(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "moderator" -> Role.MODERATOR;
            case "visitor" -> Role.VISITOR;
            case "none" -> Role.NONE;
            default -> Role.PARTICIPANT;
        };
    }
}
