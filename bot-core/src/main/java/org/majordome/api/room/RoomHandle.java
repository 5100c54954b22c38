package org.majordome.api.room;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.majordome.api.TimeText;
import org.majordome.api.event.Occupant;
import org.majordome.api.event.RoomMessageReceivedEvent;

/**
 * One multi-user chat room the bot keeps, and what a moderator bot can do there (XEP-0045 §7-§10).
 *
 * <p>Actions never block: each returns a stage that completes with the outcome (see
 * {@link ActionResult}); it never completes exceptionally. Privileged actions need the bot to hold the
 * matching role or affiliation in the room; without it the server refuses ({@code Refused("forbidden", ...)}).
 * Nicks name current occupants; bans and affiliations take bare real JIDs, because an affiliation outlives
 * the occupant's visit and a nick proves nothing.
 */
public interface RoomHandle {

    /** The room's bare JID, lower case. */
    String roomJid();

    /** The bot's current nick in the room. */
    String botNick();

    /**
     * The room's title as the configuration sets it ({@code rooms[].title}), for people; empty when the
     * configuration leaves it to the server. Plugins fall back to the JID's local part.
     */
    Optional<String> title();

    /**
     * The room's time zone, for times shown to people: the room's {@code time-zone} in the configuration, else
     * {@code runtime.time-zone}, else the system's zone. Show a moment with {@link #timeText(Instant)}.
     */
    ZoneId timeZone();

    /**
     * The language the bot speaks in this room: the room's {@code language} in the configuration, else
     * {@code runtime.language}, else English. Plugins format their texts with
     * {@link org.majordome.api.text.Texts#in(RoomHandle)}, which uses it.
     */
    default Locale language() {
        return Locale.ENGLISH;
    }

    /** A moment as people in this room read it: {@link TimeText#moment} in {@link #timeZone()}, e.g. {@code 2026-12-06 23:01 CET}. */
    default String timeText(Instant instant) {
        return TimeText.moment(instant, timeZone());
    }

    /**
     * Whether the bot is in the room right now and may act there; actions taken while not joined end {@code Failed}.
     * With several instances of the bot, only the one holding the room is joined: a timer that runs on every instance
     * (an in-memory job) acts in the rooms where this is true, and so in each room exactly once.
     */
    boolean joined();

    /** Whether the room offers an optional feature. */
    boolean supports(Feature feature);

    /** Who is in the room now (the bot excluded). */
    List<Occupant> occupants();

    /** The occupant using this nick now, if any. */
    Optional<Occupant> occupant(String nick);

    /** Says something to the whole room. */
    CompletionStage<ActionResult> send(String text);

    /**
     * Answers a message in the room, addressed to its author once ({@link Addressing}): the runtime puts
     * {@code "nick: "} first unless the text already names them, so write either {@code "pong"} or
     * {@code "alice rolled 3 + 4"}, never the nick followed by a colon. Threaded to the message (XEP-0461) when
     * the room gave it a stanza id, the address then marked as fallback (XEP-0428) for clients that show replies.
     */
    CompletionStage<ActionResult> reply(MessageRef message, String text);

    /** Shorthand for {@code reply(MessageRef.of(message), text)}. */
    default CompletionStage<ActionResult> reply(RoomMessageReceivedEvent message, String text) {
        return reply(MessageRef.of(message), text);
    }

    /** Writes privately to an occupant through the room (XEP-0045 §7.5). */
    CompletionStage<ActionResult> sendPrivate(String nick, String text);

    /** Removes an occupant from the room for now (role none, XEP-0045 §8.2). */
    CompletionStage<ActionResult> kick(String nick, String reason);

    /**
     * Bans a user by bare real JID (affiliation outcast, XEP-0045 §9.1); also removes them if present. Given the
     * full real JID of a web chat visitor ({@link org.majordome.api.event.Occupant#realJid}), the bot bans that
     * visitor on its web gateway instead of outcasting the account every visitor shares, and kicks them; the
     * result is then {@link ActionResult.Done} saying so in {@code how}.
     */
    CompletionStage<ActionResult> ban(String realBareJid, String reason);

    /**
     * The room's ban list: the bare JIDs whose affiliation is outcast, lower case (XEP-0045 §9.5, the admin
     * requests the ban list), followed by the web chat visitors banned on the bot's web gateway, named by the full
     * session JID they had as occupants (such a ban never outcasts the account they share). Empty when the room did
     * not give it: the bot is not an admin there
     * ({@code forbidden}), no answer in time, or the bot is not in the room. Meant for checks such as "is
     * this ban still in place after a restart", not for every message.
     */
    CompletionStage<Optional<List<String>>> banList();

    /** Lifts a ban (affiliation back to none; for a web chat visitor's full JID, the web gateway's ban). */
    CompletionStage<ActionResult> unban(String realBareJid);

    /** Lets an occupant speak in a moderated room (role participant, XEP-0045 §8.3). */
    CompletionStage<ActionResult> grantVoice(String nick);

    /** Mutes an occupant (role visitor, XEP-0045 §8.4). */
    CompletionStage<ActionResult> revokeVoice(String nick);

    /**
     * Mutes an occupant and says why: the reason travels in the role change (the item's {@code <reason/>},
     * XEP-0045 §8.4), which the server passes on to the occupant and the room with the new role. A null or
     * blank reason is the same as {@link #revokeVoice(String)}.
     */
    CompletionStage<ActionResult> revokeVoice(String nick, String reason);

    /** Makes a user a member (XEP-0045 §9.3). */
    CompletionStage<ActionResult> grantMembership(String realBareJid);

    /** Takes membership away (affiliation none, XEP-0045 §9.4). */
    CompletionStage<ActionResult> revokeMembership(String realBareJid);

    /** Makes a user a room admin (XEP-0045 §10.6). */
    CompletionStage<ActionResult> grantAdmin(String realBareJid);

    /** Takes admin status away, leaving membership (XEP-0045 §10.7). */
    CompletionStage<ActionResult> revokeAdmin(String realBareJid);

    /** Gives an occupant the moderator role for this visit (XEP-0045 §9.6). */
    CompletionStage<ActionResult> grantModerator(String nick);

    /** Takes the moderator role away (role participant, XEP-0045 §9.7). */
    CompletionStage<ActionResult> revokeModerator(String nick);

    /**
     * The room's subject (XEP-0045 §8.1) as the room showed it to the bot, empty when the room has none. On
     * join the room sends its subject, possibly empty, after the occupants and the history (§7.2.15), so after
     * the {@link org.majordome.api.event.RoomJoinedEvent}: the stage completes once the room has sent it since
     * the bot's latest join, at once when it has, otherwise when it comes (the next join's, while the bot is out
     * of the room). It never completes exceptionally. A plugin that gives rooms without a subject their first one
     * asks for it on {@code RoomJoinedEvent}; later changes come as
     * {@link org.majordome.api.event.SubjectChangedEvent}s.
     */
    CompletionStage<Optional<String>> subject();

    /** Changes the room's subject (XEP-0045 §8.1). */
    CompletionStage<ActionResult> setSubject(String text);

    /**
     * Removes a message for everyone (XEP-0425), addressed by the room's stanza id.
     * {@code NotSupported} unless {@link #supports(Feature) supports(MESSAGE_MODERATION)}.
     */
    CompletionStage<ActionResult> moderateMessage(String stanzaId, String reason);

    /**
     * Makes the room moderated or not (owner form field {@code muc#roomconfig_moderatedroom}, XEP-0045 §10.2):
     * in a moderated room only occupants with voice may speak, and newcomers enter without voice, while
     * occupants already present keep theirs. Meant for temporary measures such as a lockdown during a raid;
     * needs the owner affiliation ({@code Refused("forbidden", ...)} otherwise).
     *
     * <p>{@code NotSupported} when the room's configuration form has no such field, or when the bot's own
     * configuration file pins this setting to the other value: the bot keeps rooms as configured and would put
     * it back at its next configuration check, so it refuses to start that tug of war. A temporary measure that
     * must hold in such a room is an overlay: see {@link #applyOverlay}.
     */
    CompletionStage<ActionResult> setModerated(boolean moderated);

    /**
     * Makes the room members-only or not (owner form field {@code muc#roomconfig_membersonly}, XEP-0045
     * §10.2): only members may enter, and servers may remove non-members already present (status 322).
     * Same rules as {@link #setModerated}: owner affiliation needed; {@code NotSupported} without the field or
     * when the configuration file pins the setting to the other value.
     */
    CompletionStage<ActionResult> setMembersOnly(boolean membersOnly);

    /**
     * Lays a named overlay over the room's desired configuration and applies it (XEP-0045 §10.2), for a
     * temporary measure such as a lockdown. Unlike {@link #setModerated}, it works when the configuration file
     * pins the setting: while the overlay lasts, the bot keeps the room as the overlay says, through its
     * configuration checks, rejoins and restarts (the runtime stores it in its database), until
     * {@link #liftOverlay} removes it. Applying a name again replaces that overlay; overlays applied later win
     * over earlier ones. Needs the owner affiliation ({@code Refused("forbidden", ...)} otherwise);
     * {@code NotSupported} when the room's configuration form lacks a setting the overlay sets. When the
     * outcome is not {@code Done}, no overlay is kept.
     *
     * @param name what the overlay is for, unique in the room (e.g. {@code "lockdown"})
     */
    CompletionStage<ActionResult> applyOverlay(String name, ConfigOverlay overlay);

    /**
     * Removes a named overlay and puts the room's settings back exactly: the declared value of each setting
     * the configuration file pins (or the one a remaining overlay sets), otherwise the value the room had when
     * the overlay was applied. {@code Done} when there is no such overlay. While the bot is not in the room it
     * ends {@code Failed} and the overlay stays.
     */
    CompletionStage<ActionResult> liftOverlay(String name);

    /** Invites a user to the room (mediated invitation, XEP-0045 §7.8.2). */
    CompletionStage<ActionResult> invite(String jid, String reason);

    /** The room's affiliation lists: read one, change several at once (XEP-0045 §9-§10). */
    RoomAffiliations affiliations();
    /**
     * Destroys the room (XEP-0045 §10.9): the server removes every occupant, showing them the reason and the
     * alternative room to go to instead. Needs the owner affiliation ({@code Refused("forbidden", ...)}
     * otherwise). The bot first stops keeping the room and leaves it, with the reason as its status, so that it does
     * not recreate it; the room comes back at the next configuration reload or restart if the configuration file
     * keeps it. To retire a room for good, declare it {@code state: destroyed} in the configuration file instead.
     * Servers differ afterwards: Prosody answers {@code gone} for the room (a tombstone) for a while, ejabberd
     * forgets it, and anyone allowed to create rooms may create it again at once.
     *
     * @param reason             what occupants read; null or blank for none
     * @param alternativeRoomJid the bare JID of the room occupants are pointed to; null or blank for none;
     *                           {@code Failed} when it is not a room JID
     */
    CompletionStage<ActionResult> destroy(String reason, String alternativeRoomJid);
}
