package org.majordome.api.event;

import java.util.Objects;
import java.util.Optional;

/**
 * What a voice request form says (XEP-0045 §8.6, FORM_TYPE {@code http://jabber.org/protocol/muc#request}), as the
 * room forwarded it to its moderators.
 *
 * @param nick          the requester's nick in the room ({@code muc#roomnick})
 * @param realJid       the requester's bare real JID ({@code muc#jid}), when the room gave it
 * @param requestedRole the role asked for ({@code muc#role}); {@link Role#PARTICIPANT} (voice) when the form
 *                      leaves it out, as XEP-0045 defines it
 */
public record VoiceRequest(String nick, Optional<String> realJid, Role requestedRole) {

    public VoiceRequest {
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(realJid, "realJid");
        Objects.requireNonNull(requestedRole, "requestedRole");
    }
}
