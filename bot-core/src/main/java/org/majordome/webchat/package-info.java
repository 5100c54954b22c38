/**
 * The web chat for visitors (the MUCkl of old, served by the bot): a page lists the rooms marked
 * {@code web-chat: true}; each visitor gets one WebSocket and, in a room, one XMPP session of their own on the web
 * account (a resource {@code majordome-web-...}), joined under their nick (XEP-0045 §7.2), so the room, its other
 * clients and the bot's moderation see individual occupants. {@link org.majordome.webchat.WebChat} is the
 * {@code web.WebApp} ({@code ChatRoutes}: page, assets, {@code /rooms}, the socket upgrade with origin check);
 * {@code Visitor} is one socket's visitor (frames read on a virtual thread of its own, limits) and
 * {@code VisitorSession} its room session (history as the server gives it §7.2.15, presences, subject,
 * private messages §7.5, kicks §8.2 and bans §9.1 relayed as {@code removed}). The visitor sees its session as a
 * {@code RoomSession} opened by {@code RoomSessions}: by default {@code HostedSessions}, where the sessions run in
 * the guest host, a child JVM started under {@code nice} ({@code GuestHost} on the bot's side, {@code GuestHostMain}
 * with {@code HostedRooms} and {@code EventLines} in the child, lines of tab-separated escaped fields between them,
 * {@code GuestHostLines}), so that a surge of visitors' parsing yields the cores to the bot's own threads (Java
 * thread priorities do nothing on Linux); or {@code InProcessSessions} ({@code sessions: in-process}). Everything
 * a session cannot decide alone (is this kick the gateway's ban?) comes back as an event and is decided by the
 * visitor in the bot; the child decides nothing. {@code Outbox} is the bounded
 * queue to the browser (a slow browser is dropped), written by the gateway's own writer thread, never by the
 * virtual threads the bot's dispatch runs on, so that a surge of visitors does not queue ahead of its moderation;
 * guest sessions carry no roster and no entity capabilities ({@code xmpp.GuestConnections}); {@code Frames} the JSON
 * protocol (strict, bounded);
 * {@code VisitorIds} the signed identity cookie and keyed address hashes; {@code WebBans} the visitors' bans kept
 * in storage; {@code GatewayLimits} and {@code MessageRate} the limits ({@code VisitorSpeech} checks what a visitor
 * says against them). {@code WebChatGateway} is the rooms'
 * {@code room.GatewayBans}: a ban of a visitor's session bans their web identity and kicks them instead of
 * outcasting the shared account; it remembers who used each session ({@code WebBans}, 30 days) so that a ban naming
 * a session after a restart still holds on its visitor. A ban given on the server from an XMPP client (an outcast
 * of the shared account, seen as a 301 removal of a visitor's session) is turned into the gateway's ban of that
 * visitor when it removed them alone ({@code ServerBanWaves}), and {@code AccountKeeper} gives the account back its
 * affiliation (§9.1, §9.2); an outcast of the account
 * while no visitor was in is lifted when a visitor is refused for it. {@code SharedRoles} keeps one visitor's voice, or
 * lack of it, from passing to the next: ejabberd gives an account's next occupant the role a moderator last gave it
 * in a moderated room, and every visitor is that account. Before a visitor joins, the gateway asks the
 * plugins' {@code api.room.NickCheck}s and shows a refusal at the nick chooser; the room never sees that join.
 *
 * <p>Languages: the page's own words are a bundle of their own ({@code org/majordome/webchat/messages*.properties},
 * {@code PageTexts}), served at {@code /texts} in the language the page asks for (a room's), else the browser's
 * ({@code Accept-Language}), else {@code runtime.language}; the list gives each room's {@code language}. What the
 * gateway says to a visitor ({@code webchat.*} texts of the runtime's bundle) is in the language of the room they
 * chose, before that in the bot's.
 *
 * <p>May use {@code api}, {@code config}, {@code intake} (the gateway resource prefix), {@code room},
 * {@code xmpp} (extra sessions only through {@code xmpp.GuestConnections}) and {@code web}.
 */
package org.majordome.webchat;
