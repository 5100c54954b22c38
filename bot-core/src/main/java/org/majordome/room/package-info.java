/**
 * Rooms as code (XEP-0045): which rooms the bot is in and how they are configured. One class per job:
 * {@link org.majordome.room.RoomKeeper} keeps the set of rooms (one map) and drives them on session changes
 * and timers; {@link org.majordome.room.KeptRoom} is one room and its parts: the membership state machine
 * ({@code RoomMembership}, {@code RoomJoiner}, {@code OwnPresence}: joining with no history §7.2.15,
 * creating missing rooms §10.1, coming back after nick conflicts §7.2.9, kicks §8.2 and destroyed rooms §10.9;
 * {@code BanRetry}: trying again with a growing wait after a ban §9.1 until it is lifted §9.2), the configuration ({@code RoomReconciler}, {@code RoomConfigPlan}: the owner's form compared
 * with the desired settings and drift put back, §10.2; {@code RoomOverlays}, {@code RoomOverlayKeeper}:
 * temporary overlays such as a lockdown, laid over the declared settings and stored in the database until
 * lifted; a moderated overlay also turns off ejabberd's own {@code members_by_default}, under which newcomers to
 * a moderated room get voice, §5.1, and puts it back when lifted), XEP-0410 self-pings ({@code SelfPing}), disco#info features ({@code RoomFeatures}, XEP-0030), the
 * bot's own messages ({@code RoomSender}) and the room actions plugins use ({@code RoomActions}: moderation
 * §8-§10, role and affiliation changes with their reason, reading the ban list §9.5 in {@code AdminRequests},
 * XEP-0425 message moderation, XEP-0461 replies; {@code SubjectRequest}: a subject change and the room's answer;
 * {@code GatewayBanning}: a ban or unban of someone a {@link org.majordome.room.GatewayBans} gateway owns, such as a
 * web chat visitor, done by the gateway plus a kick, never by outcasting the account its people share; the ban list
 * plugins read names the gateway's bans too), the room's voice request policy ({@code VoiceRequests}:
 * forward, approve members, approve after a time in the room, or deny, §7.13, §8.6; it sits in front of the room's
 * event sink, so that the {@code VoiceRequestedEvent} plugins see carries the decision). Affiliations as code
 * ({@code RoomPeopleKeeper} wires the parts for a room): {@code AffiliationKeeper} reads the owner,
 * admin, member and outcast lists (§9.5, §10.5) at each join and check, {@code AffiliationPlan} computes the
 * difference with the declared people (never the bot's own affiliation, never the last owner),
 * {@code AffiliationWriter} applies it in as few requests as the server takes (Prosody 0.12 applies only the first
 * item of a request; ejabberd all), {@code DeclaredModerators} gives declared moderators the role (§9.6), and
 * {@code RoomAffiliationActions} is the plugins' {@code RoomHandle.affiliations()}.
 * Invitations (XEP-0045 §7.8.2 mediated, XEP-0249 direct), which
 * {@link org.majordome.intake.InvitationIntake} recognises, are answered by {@code InvitationDesk}: it asks
 * {@code InvitationPolicy} whether the inviter, as the server vouches for it, may invite the bot, then keeps the room
 * (with {@code invitations.plugins}, stored in {@code store.InvitedRoomTable} when kept across restarts) or declines.
 * Retired rooms ({@code state: destroyed}) are never kept:
 * {@code RetiredRooms} destroys them at start and at the reload that declares them so, and logs a recreation
 * once; {@code RoomDestroyer} sends the owner's destroy (§10.9) and asks a room whether it exists (disco#info
 * requests of its own, not Smack's cached ones).
 *
 * <p>The translation of room stanzas into events is not here but in {@link org.majordome.intake}; this
 * package only tells it which presences are the bot's own ({@code OwnPresence}). This package may use
 * {@code api}, {@code config}, {@code xmpp}, {@code intake} and {@code store} (the overlay and invited-room tables); none of
 * them imports it.
 *
 * <p>{@link org.majordome.room.RoomKeeper} owns "which rooms are joined and how they are configured";
 * nothing else writes that state. Which of the declared rooms it may be in is a {@link org.majordome.room.RoomAdmission}'s
 * answer: every room for a bot that runs alone; for an instance of a cluster, the rooms whose lease it holds (see
 * {@code org.majordome.cluster}, which implements it without this package knowing it). The others wait in
 * {@code WaitingRooms}; no event of a room it may not act in reaches the plugins and no action is taken there.
 *
 * <p>Status displays (the operator console) read the rooms through {@link org.majordome.room.RoomView}, a snapshot
 * of what the package knows without asking the server: membership, subject, occupants, declared and last-read
 * affiliations, the last configuration check ({@link org.majordome.room.RoomConfigCheck}: drift put back, settings
 * the server cannot express, a refused form), overlays in force and the last activity.
 */
package org.majordome.room;
