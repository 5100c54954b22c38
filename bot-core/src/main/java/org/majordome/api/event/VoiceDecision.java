package org.majordome.api.event;

/** What the bot did with a voice request, per the room's {@code voice-requests} policy. */
public enum VoiceDecision {
    /**
     * Left to the moderators: the room forwards every request to the moderators present, and the bot did nothing
     * more (policy {@code forward}, or a request the policy does not approve by itself).
     */
    FORWARDED,
    /** The bot gave the requester voice (role participant through {@code muc#admin}). */
    GRANTED,
    /**
     * The bot answered the request with {@code muc#request_allow} false (policy {@code deny}). Neither Prosody 0.12
     * nor ejabberd 23.01 tells the requester: they stay a visitor and hear nothing.
     */
    DECLINED
}
