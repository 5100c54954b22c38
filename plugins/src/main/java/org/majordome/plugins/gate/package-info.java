/**
 * The gate plugin (id {@code gate}): in a moderated room, a first-time visitor gets no voice (XEP-0045 §5.1 role
 * visitor) until they pass the check the room's keeper chose: wait some minutes, answer a question sent to them
 * privately (§7.5), or both. Off unless a room lists {@code gate} in {@code rooms[].plugins}.
 *
 * <p>Who never meets the gate: members, admins and owners (affiliation), moderators (role), and known visitors:
 * those who passed before in that room, remembered in the plugin's storage across restarts, by real JID when the
 * room shows it to the bot, else by the room's stable occupant id (XEP-0421); a visitor the bot knows only by nick
 * is gated on every visit, since anyone may take a nick. A known visitor whom a moderated room lets in voiceless is
 * given voice, unless the {@code moderation} plugin holds them muted: it publishes
 * {@link org.majordome.api.event.MuteStartedEvent} and {@link org.majordome.api.event.MuteEndedEvent}, which the gate
 * keeps in its storage ({@code muted/<identity>} with the mute's end, by real JID and by occupant id), so that a
 * muted known visitor who leaves and comes back stays voiceless (moderation's re-mute and the gate's grant are on
 * separate lanes: without this, whichever the server applied last won). The same holds for a newcomer who passes, or
 * whom a moderator lets in, while muted: the pass is recorded, the voice is left to the mute. A mute whose end has
 * passed holds nobody, even when its end was not told. {@code !gate forget <nick>} makes a present occupant's next visit a first one again.
 *
 * <p>A gated newcomer is told, once, privately, what to do (the {@code *-text} keys, in the room's words). Answers
 * come as private messages through the room, or to the bot's own JID when the room shows the bot real JIDs; they
 * are compared without case, accents, punctuation or extra spaces ("Élan !" is "elan"). Each wrong answer costs a
 * try, counted in the storage so that leaving and coming back gives none back (for a visitor known by real JID
 * or occupant id; one known only by nick starts afresh on each visit, as they are gated afresh); after {@code tries} the visitor is
 * told, stays voiceless, and is not gated again (nor told again) on later visits. A moderator lets a visitor in
 * with {@code !gate let-in <nick>} (which also forgets an earlier failure), or by giving voice while they wait at
 * the gate; either is remembered as a pass. {@code !gate} alone says how the room's gate stands, and the
 * administration command {@code gate/status} (XEP-0050) how every room's does. A wait ends at the
 * next sweep of the room's gate, every tenth of {@code wait-time} (1 s to 30 s). Passing and failing are published as {@link org.majordome.api.event.GatePassedEvent} and
 * {@link org.majordome.api.event.GateFailedEvent}, which other plugins and scripts receive.
 *
 * <p>A join flood through the gate costs the room nothing: the gate never writes to the room; its private messages
 * come from a budget per room ({@code messages-per-minute}; a visitor left without instructions gets the question
 * when they write to the bot); it follows at most {@code max-waiting} visitors per room (more stay voiceless until
 * they come back). Visitors waiting are held in memory: after a restart, those still in the room keep waiting
 * until they rejoin.
 *
 * <p>Unmoderated rooms: the gate takes voice from every first-time visitor who enters with it (ejabberd gives
 * newcomers voice even in a moderated room, its {@code members_by_default}), and says once in the log when a room
 * does not say it is moderated (disco#info {@code muc_moderated}): Prosody refuses a visitor's message in any room,
 * but ejabberd lets a visitor speak in an unmoderated one, so the gate holds everywhere only in a moderated room
 * (the room's {@code config.moderated: true}). The gate does not make the room moderated itself: that setting is the
 * keeper's, and the bot keeps rooms as the configuration file says.
 *
 * <p>Configuration, with every default (each key may be left out; {@code rooms:} overrides any of them for one
 * room):
 * <pre>{@code
 * plugins:
 *   gate:
 *     check: wait                 # wait | question | both (answer, and wait)
 *     wait-time: 5m               # how long a newcomer waits (wait and both)
 *     tries: 3                    # answers a visitor may give (question and both)
 *     questions: []               # needed by question and both; one is picked per visitor
 *     #  - question: "What colour is a clear sky?"
 *     #    answers: [blue, bleu]  # case, accents, punctuation and extra spaces are ignored
 *     max-waiting: 200            # visitors followed at once per room; more stay voiceless until they return
 *     messages-per-minute: 20     # private messages the gate may send per room
 *     # Texts: {nick} {room} (title, else the JID's local part) {wait} {question} {tries} (tries left)
 *     wait-text: "Welcome to {room}, {nick}. Newcomers may speak here after {wait}; until then, read along."
 *     question-text: "Welcome to {room}, {nick}. To speak here, answer this in a private message to me: {question}"
 *     both-text: "Welcome to {room}, {nick}. To speak here, answer this in a private message to me: {question} Newcomers may speak {wait} after joining."
 *     answered-text: "Right. You may speak in {room} once you have been here {wait}."
 *     passed-text: "Thank you, {nick}: you may speak in {room} now."
 *     wrong-text: "That is not the answer. Tries left: {tries}."
 *     failed-text: "That is not the answer, and that was your last try: you stay without voice in {room}. A moderator can give you voice."
 *     rooms:
 *       lobby@conference.example.org:
 *         check: question
 *         questions:
 *           - question: "Which animal is this room about? (one word)"
 *             answers: [cat, cats]
 * }</pre>
 */
package org.majordome.plugins.gate;
