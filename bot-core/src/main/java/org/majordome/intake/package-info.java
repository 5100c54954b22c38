/**
 * Where events leave the XMPP side of the bot. The room keeper and the direct-chat listener turn
 * stanzas into {@link org.majordome.api.event.BotEvent} records on Smack's reader thread and hand them
 * to an {@link org.majordome.intake.EventSink}, which must return at once.
 */
package org.majordome.intake;
