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
 * XEP-0425 message moderation, XEP-0461 replies). Retired rooms ({@code state: destroyed}) are never kept:
 * {@code RetiredRooms} destroys them at start and at the reload that declares them so, and logs a recreation
 * once; {@code RoomDestroyer} sends the owner's destroy (§10.9) and asks a room whether it exists (disco#info
 * requests of its own, not Smack's cached ones).
 *
 * <p>The translation of room stanzas into events is not here but in {@link org.majordome.intake}; this
 * package only tells it which presences are the bot's own ({@code OwnPresence}). This package may use
 * {@code api}, {@code config}, {@code xmpp}, {@code intake} and {@code store} (the overlay table); none of
 * them imports it.
 *
 * <p>{@link org.majordome.room.RoomKeeper} owns "which rooms are joined and how they are configured";
 * nothing else writes that state.
 */
package org.majordome.room;
