/**
 * Rooms as code (XEP-0045): joining with no history (§7.2.15), creating missing rooms and submitting
 * their configuration at once (§10.1), comparing the owner's configuration form with the desired
 * settings and putting drift back (§10.2), tracking occupants and turning room stanzas into events,
 * coming back after nick conflicts (§7.2.9), kicks (§8.2), bans (§9.1) and destroyed rooms (§10.9), and
 * detecting a silently lost membership with XEP-0410 self-pings. Also the room actions plugins use:
 * moderation (§8-§10: role and affiliation changes with their reason, and reading the ban list, §9.5, in
 * {@code AdminRequests}), XEP-0425 message moderation and XEP-0461 replies.
 *
 * <p>{@link org.majordome.room.RoomKeeper} owns "which rooms are joined and how they are configured";
 * nothing else writes that state.
 */
package org.majordome.room;
