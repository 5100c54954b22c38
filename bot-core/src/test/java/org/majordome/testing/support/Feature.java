package org.majordome.testing.support;

/**
 * The features of the README's server table, at the granularity a room keeper cares about. A row appears once an
 * integration test {@link Proves proves} it. To add one: a constant here (what the user gets; for a feature a
 * stock server lacks, what each server needs and what the bot does without it), then {@code
 * @Proves(Feature.NEW_ONE)} on the tests that show it.
 */
public enum Feature {
    ROOMS_KEPT("Rooms created, kept persistent and configured as written (XEP-0045 §10)"),
    COMES_BACK("Comes back after a kick, a lifted ban, a destroyed room, a lost connection or a server restart"),
    CONNECTION("Connection: STARTTLS, SASL choices, wrong password retried, resource conflict"),
    BOSH("The bot's connection over HTTP binding (BOSH): rooms, commands, keepalive, back after a server restart",
            "`bosh` module with an HTTP port", "an `ejabberd_http` listener with `mod_bosh`", ""),
    IDENTITY("Presents itself: disco identity `client/bot`, software version (XEP-0092), leave status"),
    COMMANDS("Chat commands, `!help` and permissions from role and real JID"),
    MODERATION_ACTIONS("Moderation: warn, mute, kick, ban with reasons, pardon; temporary sanctions end, even after a "
            + "crash"),
    APPEALS("Appeals: a banned user appeals by direct message, a moderator accepts, the ban is lifted and the user told"),
    BLOCK_LISTS("Real-time block lists (XEP-0060 nodes of SHA-256 hashes of JIDs or domains): followed through "
            + "server restarts, listed occupants banned on join and at once; the bot's own bans published",
            "a `pubsub` component whose admins include the bot (to publish)", "`mod_pubsub` (to publish)", ""),
    MESSAGE_REMOVAL("Spam removed for everyone (XEP-0425)", "community module `mod_muc_moderation` with `muc_mam`",
            "23.04 or newer", "the next rung of the ladder (e.g. mute or kick), and the case says so"),
    AFFILIATIONS_AS_CODE("Affiliations as code: owners, admins, members and outcasts kept as declared (keep or exact), "
            + "declared moderators"),
    LOCKDOWN("Join-flood lockdown (moderated or members-only), held through checks and restarts"),
    VOICE_REQUESTS("Voice requests in moderated rooms forwarded, approved (members, time in the room) or denied by "
            + "policy (XEP-0045 §8.6)"),
    INVITATIONS("Invitations (XEP-0045 mediated, XEP-0249 direct): joins rooms a bot admin invites it to, running the "
            + "configured plugins (as in rooms joined with the ad-hoc `join`), declines others with a reason"),
    ROOM_RETIREMENT("Rooms retired as code (`state: destroyed`): destroyed with a reason and an alternative room, "
            + "never recreated"),
    ADHOC_COMMANDS("Ad-hoc admin commands (XEP-0050) as Gajim, Psi, Poezio and Profanity send them"),
    SCHEDULING("Scheduled jobs in rooms (reminders, cron) across restarts"),
    SCRIPTS("JavaScript plugins in rooms: answers, sandbox, hot reload"),
    WELCOME("Welcome greetings for newcomers and bursts"),
    GATE("A gate for newcomers in moderated rooms: voice after a wait or a right answer given privately, bounded "
            + "tries, members never gated"),
    TOPIC_AND_NOTICES("Topic rotation and scheduled notices"),
    CALENDAR("Calendar agenda, reminders in the room and by direct message"),
    RELOAD("Configuration reload (SIGHUP) without going silent"),
    MONITORING("Health and metrics follow the connection"),
    LANGUAGES("The bot speaks each room's language (English or French), and answers a user privately in the "
            + "language their client declares (`xml:lang`)"),
    WEB_CHAT("Web chat for visitors: each visitor a real occupant over WebSocket; private messages, kicks and bans "
            + "reach them; a ban holds on the visitor, never on the account they share"),
    CONSOLE("Operator console in the browser: login by a one-time link the bot sends over XMPP, each operator sees "
            + "and acts on their own rooms only, forged cross-site posts refused"),
    PLUGIN_ISOLATION("Plugins: third-party jars, isolation of failing or slow ones, storage through a crash");

    private final String description;
    private final String prosodyNeeds;
    private final String ejabberdNeeds;
    private final String fallback;

    Feature(String description) {
        this(description, "", "", "");
    }

    Feature(String description, String prosodyNeeds, String ejabberdNeeds, String fallback) {
        this.description = description;
        this.prosodyNeeds = prosodyNeeds;
        this.ejabberdNeeds = ejabberdNeeds;
        this.fallback = fallback;
    }

    /** What the user gets, as the table's first column says it. */
    public String description() {
        return description;
    }

    /** What Prosody needs beyond a stock install (a module, a version), or empty. */
    public String prosodyNeeds() {
        return prosodyNeeds;
    }

    /** What ejabberd needs beyond a stock install (a module, a version), or empty. */
    public String ejabberdNeeds() {
        return ejabberdNeeds;
    }

    /** What the bot does instead on a server without the feature, or empty. */
    public String fallback() {
        return fallback;
    }
}
