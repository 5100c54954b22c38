/**
 * The web chat for visitors (the MUCkl of old, served by the bot): a page lists the rooms marked
 * {@code web-chat: true}; each visitor gets one WebSocket and, in a room, one XMPP session of their own on the web
 * account (a resource {@code majordome-web-...}), joined under their nick (XEP-0045 §7.2), so the room, its other
 * clients and the bot's moderation see individual occupants. {@link org.majordome.webchat.WebChat} is the
 * {@code web.WebApp} ({@code ChatRoutes}: page, assets, {@code /rooms}, the socket upgrade with origin check);
 * {@code Visitor} is one socket's visitor (frames read on a virtual thread of its own, limits) and
 * {@code VisitorSession} its room session (history as the server gives it §7.2.15, presences, subject,
 * private messages §7.5, kicks §8.2 and bans §9.1 relayed as {@code removed}); {@code Outbox} is the bounded
 * queue to the browser (a slow browser is dropped); {@code Frames} the JSON protocol (strict, bounded);
 * {@code VisitorIds} the signed identity cookie and keyed address hashes; {@code WebBans} the visitors' bans kept
 * in storage; {@code GatewayLimits} and {@code MessageRate} the limits. {@code WebChatGateway} is the rooms'
 * {@code room.GatewayBans}: a ban of a visitor's session bans their web identity and kicks them instead of
 * outcasting the shared account.
 *
 * <p>May use {@code api}, {@code config}, {@code intake} (the gateway resource prefix), {@code room},
 * {@code xmpp} (extra sessions only through {@code xmpp.GuestConnections}) and {@code web}.
 */
package org.majordome.webchat;
