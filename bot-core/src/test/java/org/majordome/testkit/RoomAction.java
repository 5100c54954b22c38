package org.majordome.testkit;

import java.util.Objects;

import org.majordome.api.room.Addressing;

/**
 * Something the bot did in a {@link TestRoom}, as a plugin asked for it through its
 * {@link org.majordome.api.room.RoomHandle}. Records, so that tests compare them with {@code equals}:
 * {@code assertThat(room.lastAction()).contains(new RoomAction.Kicked("spammer", "flooding"))}.
 */
public sealed interface RoomAction {

    /** A message to the whole room ({@code send}). */
    record Said(String text) implements RoomAction {
        public Said {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * An answer to a room message ({@code reply}), {@code text} as the plugin wrote it; the real room threads it
     * (XEP-0461) and addresses it to {@code toNick} once ({@link #seen()}).
     */
    record Replied(String toNick, String text) implements RoomAction {
        public Replied {
            Objects.requireNonNull(toNick, "toNick");
            Objects.requireNonNull(text, "text");
        }

        /** The text as occupants read it, with the address the runtime adds ({@link Addressing}). */
        public String seen() {
            return Addressing.addressed(toNick, text);
        }
    }

    /** A private message through the room (XEP-0045 §7.5). */
    record SentPrivately(String toNick, String text) implements RoomAction {
        public SentPrivately {
            Objects.requireNonNull(toNick, "toNick");
            Objects.requireNonNull(text, "text");
        }
    }

    record Kicked(String nick, String reason) implements RoomAction {
    }

    record Banned(String realBareJid, String reason) implements RoomAction {
    }

    record Unbanned(String realBareJid) implements RoomAction {
    }

    record VoiceGranted(String nick) implements RoomAction {
    }

    /** A mute (role visitor), with the reason the role change carried; empty when it carried none. */
    record VoiceRevoked(String nick, String reason) implements RoomAction {
        public VoiceRevoked {
            reason = reason == null ? "" : reason;
        }

        /** A mute without a reason. */
        public VoiceRevoked(String nick) {
            this(nick, "");
        }
    }

    /** The ban list read (XEP-0045 §9.5). */
    record BanListRead() implements RoomAction {
    }

    /** One affiliation list read through {@code affiliations().list(...)} (XEP-0045 §9.5, §9.8, §10.5). */
    record AffiliationListRead(org.majordome.api.event.Affiliation affiliation) implements RoomAction {
    }

    /** One entry of {@code affiliations().change(...)}; {@code reason} is "" when none was given. */
    record AffiliationChanged(String realBareJid, org.majordome.api.event.Affiliation affiliation, String reason)
            implements RoomAction {
    }

    record MembershipGranted(String realBareJid) implements RoomAction {
    }

    record MembershipRevoked(String realBareJid) implements RoomAction {
    }

    record AdminGranted(String realBareJid) implements RoomAction {
    }

    record AdminRevoked(String realBareJid) implements RoomAction {
    }

    record ModeratorGranted(String nick) implements RoomAction {
    }

    record ModeratorRevoked(String nick) implements RoomAction {
    }

    record SubjectSet(String text) implements RoomAction {
    }

    /** A message removed for everyone (XEP-0425), by the room's stanza id. */
    record MessageModerated(String stanzaId, String reason) implements RoomAction {
    }

    record Invited(String jid, String reason) implements RoomAction {
    }

    /** The room made moderated or not (owner form field {@code muc#roomconfig_moderatedroom}). */
    record ModeratedSet(boolean moderated) implements RoomAction {
    }

    /** The room made members-only or not (owner form field {@code muc#roomconfig_membersonly}). */
    record MembersOnlySet(boolean membersOnly) implements RoomAction {
    }

    /** A configuration overlay laid over the room ({@code applyOverlay}), e.g. a lockdown. */
    record OverlayApplied(String name, org.majordome.api.room.ConfigOverlay overlay) implements RoomAction {
    }

    /** A configuration overlay lifted ({@code liftOverlay}): what the room had before comes back. */
    record OverlayLifted(String name) implements RoomAction {
    }

    /** The room destroyed (XEP-0045 §10.9), with the reason and the alternative room shown; "" for none. */
    record Destroyed(String reason, String alternativeRoomJid) implements RoomAction {
        public Destroyed {
            reason = reason == null ? "" : reason;
            alternativeRoomJid = alternativeRoomJid == null ? "" : alternativeRoomJid;
        }
    }
}
