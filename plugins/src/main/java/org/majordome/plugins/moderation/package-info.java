/**
 * The moderation plugin ({@code moderation}): automatic rules, an escalation ladder, numbered cases and
 * moderator commands, built on the public plugin API only.
 *
 * <h2>Rules</h2>
 * Each rule is enabled, tuned and given its points and action per room: flood (messages per time, lines,
 * characters), repetition (one occupant repeating, or a raid: several occupants pasting the same text),
 * forbidden words and RE2 patterns, links (too many, from newcomers, denied or not allowed domains), mass
 * mentions, capitals, nicknames (forbidden words, look-alikes of a moderator's or the bot's nick; also asked at the
 * web chat's nick chooser through {@code NickRefusals}, an {@link org.majordome.api.room.NickCheck}, so that a
 * visitor chooses another nick before joining) and join floods (a temporary lockdown). Corrections (XEP-0308) are checked like new messages; removing one also
 * removes the message it corrected, when that message is at most 5 minutes old (clients correct the last one). Reactions (XEP-0444) do not count toward floods: the runtime's events
 * carry only messages with a body.
 *
 * <p>Word lists are matched after normalisation ({@link org.majordome.plugins.moderation.TextNormalizer}):
 * compatibility decomposition (NFKD, which also strips accents once combining marks are dropped), case
 * folding, invisible characters removed, Cyrillic and Greek look-alikes mapped to Latin letters, leetspeak
 * inside words, spaced-out letters joined, repeated letters allowed. A word only matches as a whole word,
 * so {@code ass} does not catch {@code class}. Patterns use RE2/J, whose matching time is linear in the
 * text: no pattern or message can make it backtrack. Text rules read at most {@code max-examined-chars}
 * characters of a message.
 *
 * <p>Never actioned: the bot itself, replayed history (the runtime drops it), owners, admins, moderators,
 * and members when {@code exempt-members} is set.
 *
 * <h2>Ladder and cases</h2>
 * Offenders are identified by occupant id (XEP-0421) when the room offers it, else by real JID, else by
 * nick (carried over on a nick change). Each offence adds its rules' points to the offender's record. Points
 * are whole and fade in whole steps: one point is forgotten at the end of each full {@code points-decay-every},
 * counted from the offence that started the record (or the last point forgotten), so that the total logged with
 * an offence ({@code alice broke words: ... (6 points)}) is exactly the total compared with the rungs: 3 points
 * 14 minutes old plus 3 new are 6 with the default 15 minutes, and reach the 6-point rung. The highest rung
 * reached applies (default: warn, then
 * remove the message and mute 10 minutes, then kick, then ban 24 hours). A sanction the room does not offer
 * or refuses (no XEP-0425 removal, a refused role or affiliation change, a ban without a real JID) falls back
 * to the next rung the keeper configured with a harsher sanction (with {@code remove} at 1 point and
 * {@code kick} at 2, no XEP-0425 means a kick), or when none is left to the harshest gentler rung other than
 * a warning not tried yet; the case records it. Every automatic or manual action is a case
 * numbered per room and stored with room, offender, rule, evidence, action, actor, time, expiry and
 * fallback. In dry run (per room or per rule) the case says "would have" and nothing is done.
 *
 * <p>A mute, kick or ban carries its reason, with the case number, in the role or affiliation change
 * ({@code words: word 'spam' (case #12)}); a muted occupant also gets one private message saying for how long.
 *
 * <p>No crash window: before a mute, kick or ban leaves, its case is stored, and for a mute or ban a pending
 * record and the persistent job that ends it. A sanction the server refuses is recorded {@code refused:} and
 * leaves nothing to end; one that got no answer is {@code unconfirmed:} until the room's lists tell (the ban
 * list, XEP-0045 §9.5, through {@link org.majordome.api.room.RoomHandle#banList}; present occupants' roles),
 * which the plugin reads at start, on every join of the room and right after the missing answer: a sanction
 * in force keeps its end, one that never reached the server is recorded {@code not carried out:}. Temporary
 * mutes and bans end through their persistent jobs, on time across restarts (a job that came due while the
 * bot was down runs once at start), and once: the job forgets the pending record, and a repeat finds none.
 * An occupant who leaves and rejoins while muted is muted again. A mute's start and end are published
 * ({@link org.majordome.api.event.MuteStartedEvent}: nick, real JID and occupant id when known, its end, the case;
 * {@link org.majordome.api.event.MuteEndedEvent}: {@code expired}, {@code unmuted}, {@code appeal}, or
 * {@code not-carried-out} when the room's roles show an unconfirmed mute never took effect), so that a
 * plugin that gives voice on its own (the {@code gate}, to known visitors) does not undo a mute: the plugins' lanes
 * do not wait for each other, so this plugin's re-mute of a rejoining offender may come before another's grant.
 *
 * <h2>Lockdown and the room keeper</h2>
 * A join flood (or {@code !lockdown}) makes the room moderated (or members-only) through a configuration
 * overlay ({@link org.majordome.api.room.RoomHandle#applyOverlay}): the room keeper keeps it over the room's
 * declared settings, even when the configuration file pins {@code moderated: false}, through its configuration
 * checks, rejoins and restarts. It is lifted after a quiet period or by {@code !unlock}
 * ({@link org.majordome.api.room.RoomHandle#liftOverlay}), and the declared settings come back; both are
 * announced.
 *
 * <h2>Shared ban list</h2>
 * {@code !ban <who> --all} bans in every room the plugin has seen (it remembers them) and puts the JID on a
 * shared list; a listed JID joining any of those rooms is banned there too. {@code !unban} lifts both.
 *
 * <h2>Real-time block lists</h2>
 * {@code blocklists} follows XEP-0060 nodes whose item ids are the lowercase hex SHA-256 of a banned bare JID or
 * domain ({@code BlockLists}, through {@link org.majordome.api.PluginContext#pubsub()}): the hashes are held in a
 * {@code FingerprintSet} (64-bit fingerprints, open addressing: about 17 bytes per hash, no I/O on join), replaced
 * by each snapshot (at start, after every session that did not resume) and updated by each publication and
 * retraction. A listed occupant is banned or kicked on join, and at once when present; a case (rule
 * {@code blocklist}, actor the list) and a {@link org.majordome.api.event.BlockListHitEvent} follow. Staff and
 * exempt members are never actioned; a room hiding real JIDs is reported once in the log. {@code publish-bans}
 * ({@code BanPublisher}) publishes bans by the bot and its moderators (not those a followed list caused) to a node
 * the bot owns, and {@code !unban}, {@code !pardon} and a temporary ban's end retract them.
 *
 * <p>Exemptions ({@code BlockListExemptions}): a moderator's word beats a list in their room. Accepting the appeal of
 * a case whose rule is {@code blocklist}, or {@code !unban <jid>} of someone a list followed there names (bare JID or
 * domain), exempts that JID in that room; otherwise the list would ban them again at their next join. Exemptions are
 * stored per room ({@code blocklist-exempt/<jid>}: who, when, the case, why), read only when a list matches someone
 * (a join no list names costs no I/O), logged when made and each time they spare someone, and shown by
 * {@code !case} (of any case of that JID) and {@code !blocklist}. {@code !blocklist exempt <jid>} adds one by hand,
 * {@code !blocklist unexempt <jid>} removes it (the lists act at once if the JID is present); each is a case.
 *
 * <h2>Commands</h2>
 * For moderators (and bot admins): {@code !warn <nick> [reason]}, {@code !mute <nick> [duration] [reason]},
 * {@code !unmute <nick>}, {@code !kick <nick> [reason]}, {@code !ban <nick|jid> [duration] [reason] [--all]},
 * {@code !unban <jid>}, {@code !blocklist [exempt|unexempt <jid>]}, {@code !case <n>}, {@code !cases [nick|jid]} (answered privately),
 * {@code !pardon <nick|jid> [reason]}, {@code !lockdown [duration]}, {@code !unlock},
 * {@code !appeal accept|reject <case> [reason]}; for anyone, {@code !appeal <case> <why>}. Each answers in one
 * sentence that names whom it is about, with durations in words and the case number ({@code Answers}):
 * {@code user2 is muted for 1 minute (case #16): too loud}; {@code !case} and {@code !cases} show times in the
 * room's time zone, with its name ({@code 2026-12-06 23:01 CET}).
 *
 * <p>{@code !pardon} clears the record whatever key it is held under ({@code PardonTarget}): for a present
 * occupant named by nick, their occupant id, real JID and nick; for a bare JID, the JID and every occupant id
 * seen with it (remembered as {@code seen-with/<jid>} when points are added, and read from the room's cases);
 * for the nick of someone absent, the identity of the latest case held against that nick. The pardon is a
 * case like any other, with its actor and reason, listed by {@code !cases} and shown by {@code !case}.
 *
 * <h2>Appeals</h2>
 * After a mute, kick or ban (a case with a sanction) the offender gets a direct message at their real JID saying
 * how to appeal: {@code !appeal <case> <why>} written to the bot (the case's room may be named,
 * {@code lobby#12}, when the number is not unique among the person's cases), or a plain reply within
 * {@code appeals.reply-window} (a message that starts like a command is not one). A banned person is outside the
 * room: the bot takes their direct message and matches its bare JID with the real JID the case recorded (the bot,
 * a moderator, sees real JIDs even in semi-anonymous rooms; a case without one, from a room that hides JIDs from
 * the bot, can only be appealed through the room, by the occupant id or real JID it was held under, never by a
 * nick). Warnings can be appealed too (with {@code !appeal}; they get no notice). Only the person the case names
 * may appeal it; a case has one appeal, and once decided it stays decided; one person files at most
 * {@code appeals.max-appeals} per {@code appeals.per} (counted in memory). The appeal is stored beside its case
 * ({@code appeal/<n>}, shown by {@code !case}) and posted in {@code appeals.staff-room} when the bot is there,
 * else sent privately through the room to each moderator present (none present: it waits with the case, and a
 * moderator who joins is told of the open appeals).
 * {@code !appeal accept|reject <case> [reason]} is for a moderator of the room it is sent in (the case's room or
 * its staff room, which must enable this plugin), for an occupant of the case's room the bot sees as moderator,
 * admin or owner by real JID (in a direct message), or for a bot admin. Accepting lifts a ban ({@code !unban}'s
 * way, without touching the shared ban list) or a mute ({@code !unmute}'s), cancels the sanction's end, pardons
 * the points ({@code !pardon}'s way) and records a case; rejecting changes nothing. The appellant is told by
 * direct message. {@link org.majordome.api.event.AppealFiledEvent} and
 * {@link org.majordome.api.event.AppealDecidedEvent} are published for other plugins and scripts. On by default
 * ({@code appeals.enabled}; per room under {@code rooms}): an appeal costs nothing until someone writes, and a
 * wrongly sanctioned person has no other way back.
 *
 * <h2>Where things are</h2>
 * {@link org.majordome.plugins.moderation.ModerationPlugin} routes events and declares the commands.
 * {@code RoomWatch} holds what the rules remember about a room and runs them in order: the flood rule itself,
 * {@code RepetitionWatch} (repetition and raids), {@code ContentRules} (words, links, mentions, capitals) over
 * a {@code FoldedText} (each message folded once, only as far as the enabled rules read), {@code JoinFloodWatch}
 * and {@code CorrectableIds}. {@code Sanctions} turns offences into sanctions and cases: {@code EscalationLadder}
 * decides, {@code Enforcer} carries out (with its fallbacks), {@code CaseInProgress} stores the case and the
 * {@code PendingSanction} (and the offence's points, in the same commit) before a mute, kick or ban leaves and
 * settles it after, {@code CaseBook} stores ({@code PointsRecord}: an offender's points; {@code StandingRecords}:
 * mutes and the shared ban list in memory, so that a join reads no storage). {@code SanctionExpiry} ends temporary sanctions through a persistent job; {@code Reconciler} settles pending
 * sanctions with the room's lists; {@code Lockdown} locks and unlocks rooms; {@code ModeratorCommands} carries
 * out the moderators' commands ({@code PardonTarget}: whom a pardon clears). {@code AppealDesk} takes appeals
 * and sends the notices, {@code AppealDecisions} carries out the moderators' answers, {@code AppealRecords} stores
 * them ({@code Appeal}), {@code CaseRef} reads a case as people name it. {@code CrashPoint} is a hook for crash tests only.
 *
 * <h2>Configuration</h2>
 * Section {@code plugins.moderation}, bound to {@link org.majordome.plugins.moderation.ModerationConfig}.
 * The commented default, with every key, ships as the resource
 * {@code org/majordome/plugins/moderation/moderation.yml}. Its shape:
 * <pre>{@code
 * plugins:
 *   moderation:
 *     dry-run: false
 *     exempt-members: false
 *     points-decay-every: 15m
 *     ladder:
 *       - {points: 1, action: warn}
 *       - {points: 3, action: mute, duration: 10m, remove-message: true}
 *       - {points: 6, action: kick, remove-message: true}
 *       - {points: 10, action: ban, duration: 24h, remove-message: true}
 *     flood: {max-messages: 6, per: 4s, max-lines: 12, max-chars: 3000, points: 2}
 *     words: {words: [spam*], patterns: ['discord\.gg/\w+']}
 *     join-flood: {max-joins: 8, per: 10s, mode: moderated, quiet-period: 2m}
 *     appeals: {enabled: true, staff-room: staff@conference.example.org, max-appeals: 3, per: 24h, reply-window: 30m}
 *     blocklists:
 *       - {service: xmppbl.org, node: muc_bans_sha256, action: ban, rooms: [lobby@conference.example.org]}
 *     publish-bans: {service: pubsub.example.org, access: whitelist, subscribers: [bot@example.net], which: permanent}
 *     rooms:
 *       "lobby@conference.example.org":
 *         dry-run: true
 *         flood: {max-messages: 10, per: 5s}
 * }</pre>
 * A rule given under {@code rooms} replaces the plugin-wide rule as a whole: keys it leaves out take the
 * rule's built-in defaults, not the plugin-wide values.
 *
 * <p>In the operator console ({@code api.console}) the plugin offers two sections: {@code cases} (filtered by room,
 * offender, rule, action, actor and days; the detail shows the evidence) and {@code sanctions} (mutes and bans
 * pending or in force, soonest end first). A case is undone from its detail after a confirmation
 * ({@code CaseUndo}): a ban lifted as {@code !unban} lifts it, a mute ended as {@code !unmute} ends it, the points
 * cleared as {@code !pardon} clears them; each undo is a case whose actor is the operator, marked "(console)".
 */
package org.majordome.plugins.moderation;
