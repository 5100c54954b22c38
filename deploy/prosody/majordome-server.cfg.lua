-- What Majordome needs from a Prosody (0.12 or newer) server: merge these lines into /etc/prosody/prosody.cfg.lua
-- (or a file it includes with Include "conf.d/*.cfg.lua"), replace example.org by your domain, then
-- `prosodyctl check config` and `prosodyctl reload`.
--
-- The bot's account: prosodyctl adduser majordome@example.org

-- Rate limits stay on for everybody else; the bot is exempt, or a moderation bot would be throttled behind
-- the very flood it is removing (and its joins after a restart would crawl).
limits = {
	c2s = { rate = "10kb/s"; burst = "2s" };
}
unlimited_jids = { "majordome@example.org" }

-- Stream management lets the bot resume a session after a short network loss without rejoining rooms.
-- (Keep "limits" and "smacks" in your global modules_enabled list.)

VirtualHost "example.org"

Component "conference.example.org" "muc"
	-- Only admins of this component may create rooms: the bot creates the rooms its configuration names
	-- (and recreates them if they were destroyed). Use false to let every user create rooms, as by default.
	restrict_room_creation = true
	-- Admins of the MUC component own every room on it (component_admins_as_room_owners, on by default): the
	-- bot can then configure, moderate and take back any room it keeps, even one created by someone else.
	-- Global admins (admins = { } at the top level) are component admins too.
	admins = { "majordome@example.org" }
	component_admins_as_room_owners = true

	modules_enabled = {
		-- Room archives (XEP-0313): the room's stanza ids (XEP-0359) are what message moderation addresses.
		"muc_mam";
		-- XEP-0425 message moderation (removing a spam message for everyone) is the community module
		-- mod_muc_moderation (prosody-modules), not part of Prosody 0.12: install it (Debian/Ubuntu:
		-- `apt-get install prosody-modules`; elsewhere `prosodyctl install mod_muc_moderation` from the
		-- community modules' rocks server, or copy it into a plugin_paths directory) and uncomment. It needs
		-- "muc_mam" above and speaks urn:xmpp:message-moderate:0, which the bot uses when a room announces it.
		-- Without it the bot falls back to the next rung of its ladder (e.g. a mute), and the case says so.
		-- "muc_moderation";
		-- XEP-0421 stable anonymous occupant ids, which the bot keys offender state on: enable
		-- "muc_occupant_id" where your Prosody has it (a community module on 0.12).
		-- "muc_occupant_id";
	}
	muc_log_by_default = true        -- archive rooms unless their owners turn it off
	muc_log_expires_after = "1w"     -- how long room archives are kept
	muc_room_default_persistent = true

-- Publish-subscribe (XEP-0060), for real-time block lists: the moderation plugin publishes the bot's bans to a node
-- it owns here (plugins.moderation.publish-bans), and other bots or servers (mod_muc_rtbl) follow it. Prosody lets
-- only the component's admins create nodes. Not needed to follow someone else's list.
Component "pubsub.example.org" "pubsub"
	admins = { "majordome@example.org" }
