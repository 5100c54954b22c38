/**
 * Where stanzas enter the runtime and become events. {@link org.majordome.intake.StanzaIntake} listens on
 * the connection (Smack's in-order listener thread), hands each stanza from a kept room to that room's
 * {@link org.majordome.intake.RoomStanzaIntake} (XEP-0045 occupants, messages, subject; history and the
 * bot's own reflections dropped; XEP-0359 stanza ids and XEP-0421 occupant ids kept, through
 * {@link org.majordome.intake.Snapshots}; voice requests the room forwards to the bot as moderator, §8.6, read by
 * {@link org.majordome.intake.VoiceRequestForm} from the room's bare JID only), and turns one-to-one chat messages
 * into events. {@link org.majordome.intake.InvitationIntake} recognises invitations to rooms (XEP-0045 §7.8.2
 * mediated, XEP-0249 direct), each once, and hands them to the room package, which decides. Events go to an
 * {@link org.majordome.intake.EventSink}, which must return at once (the dispatcher queues them). Before a
 * user's message becomes an event, its language ({@code xml:lang}, RFC 6120 §8.1.5) goes to a
 * {@link org.majordome.intake.LanguageSeen}, so that answers to that user can follow it (the event records stay as
 * they are: plugins build and deconstruct them).
 *
 * <p>The walk of one message: connection → intake → dispatch → plugin → room action → connection. This
 * package uses only {@code api} and Smack; the room package, which keeps the bot's own membership, plugs
 * into it through {@link org.majordome.intake.RoomStanzaIntake.Membership}.
 */
package org.majordome.intake;
