/**
 * What happens in the bot's rooms and chats, as immutable records (the public event model).
 *
 * <p>Every event is a snapshot: JIDs are plain strings (bare JIDs in lower case, as the server
 * normalised them; full JIDs only where named so), never live XMPP library objects, so an event stays
 * valid after the occupant has left or the connection was replaced. Events are never produced for
 * replayed room history (XEP-0045 §7.2.15, delayed delivery XEP-0203), for the bot's own reflected
 * messages, or for occupants already present while the bot joins a room.
 */
package org.majordome.api.event;
