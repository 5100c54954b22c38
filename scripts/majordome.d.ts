// The API JavaScript plugins see: one global, `bot`. Reference it from your editor with
//   /// <reference path="majordome.d.ts" />
// for completion and type checks. Scripts have nothing else: no files, network, timers, threads or Java.
// Every call into a script (handler, command, job) must finish within the configured time limit
// (dispatch.script-time-limit, 2 s by default) and allocate at most 128 MiB; a script that breaks a limit
// three times is disabled until its file changes or an admin runs `!scripts reload`.

declare const bot: Bot;

interface Bot {
  /** This plugin's id: the file name without `.js`. Rooms enable the script by this id. */
  readonly id: string;
  /** The script's section of the configuration file (`plugins.<id>`), as plain data; `{}` when absent. */
  readonly config: any;
  /** Calls `handler` for every event of that type ("RoomMessageReceived", "OccupantJoined"...) or "*" for all. */
  onEvent<K extends keyof EventTypes>(type: K, handler: (event: EventTypes[K]) => void): void;
  onEvent(type: '*', handler: (event: BotEvent) => void): void;
  /** Offers a command (`!name args`) in the rooms the script is enabled in, after the permission check. */
  command(spec: CommandSpec, handler: (command: CommandCall) => void): void;
  readonly schedule: Scheduler;
  /** The script's persistent key-value storage (kept across restarts and reloads). */
  readonly storage: Storage & { room(roomJid: string): Storage };
  readonly rooms: {
    get(roomJid: string): Room | null;
    all(): Room[];
  };
  /** Publish-subscribe nodes: read, follow, publish, retract, own (real-time block lists). */
  readonly pubsub: PubSub;
  /**
   * The script's own texts, from `<id>.properties` (English) and `<id>_fr.properties`... beside the script
   * (ICU MessageFormat patterns, UTF-8). See `Room.format` and `CommandCall.format` for rooms and answers.
   */
  readonly texts: Texts;
  /**
   * Asked before a web chat visitor joins one of the script's rooms under `nick`: return the refusal's words
   * (shown to the visitor, who never joins), or nothing to let the nick pass. Runs on the script's thread while
   * the visitor waits: answer quickly.
   */
  checkNicks(check: (roomJid: string, nick: string) => string | null | undefined): void;
  /**
   * Sections the script shows in the operator console in the browser (`web.console`), beside the Java plugins'
   * (e.g. the moderation cases). Withdrawn when the script is reloaded or removed.
   */
  readonly consoleSections: {
    /**
     * Offers a section: its id must be unique in the console. The console calls its functions on the script's
     * thread while the operator's page waits, under the script's time limit: a function that throws or overruns
     * fails that part of the page only (the page says so). Everything returned is shown as text, never markup.
     */
    offer(section: ConsoleSection): void;
  };
  /** Sends a one-to-one message (outside rooms). */
  sendDirect(jid: string, text: string): void;
  /** The bot's clock, in milliseconds since the epoch (controllable in tests, unlike Date.now()). */
  now(): number;
  /** Log lines tagged with the script; `console.log` goes to the log too. */
  readonly log: {
    debug(...parts: unknown[]): void;
    info(...parts: unknown[]): void;
    warn(...parts: unknown[]): void;
    error(...parts: unknown[]): void;
  };
}

/**
 * Publish-subscribe (XEP-0060) through the bot's account, as Java plugins have it: a node is a service address
 * (e.g. "pubsub.example.org") and a node id (e.g. "muc_bans_sha256", a real-time block list). Answers come to
 * callbacks, later; what does not succeed is logged.
 */
/** A console section offered by `bot.consoleSections.offer`. */
interface ConsoleSection {
  /** Its id, in its address: lower-case letters, digits and `-`. */
  id: string;
  /** Its title, or a function of the operator's language tag (`'en'`, `'fr-FR'`...) giving it. */
  title: string | ((language: string) => string);
  /** The headings of the list's columns (as many as each row's cells), or a function of the language giving them. */
  columns: string[] | ((language: string) => string[]);
  /** The filters above the list (their values reach `list` in `query.filters`), or a function of the language. */
  filters?: ConsoleFilter[] | ((language: string) => ConsoleFilter[]);
  /**
   * The rows passing `query`'s filters, newest first: at most `query.limit` are shown. List only the rooms in
   * `query.rooms` (unless `query.allRooms`): the console drops rows of rooms the operator does not manage anyway.
   */
  list(query: ConsoleQuery): ConsoleRow[];
  /** One row's detail (the first cell of each row links to it), or nothing (the console answers 404). */
  detail?(roomJid: string, rowId: string, language: string): ConsoleDetail | null | undefined;
  /**
   * Carries out an action the row's detail offers, once the operator confirmed it (the console checked that the
   * operator manages the room and that the detail offers the action). Return what happened, in words.
   */
  act?(request: ConsoleActionRequest): string | { done: boolean; message: string };
}

interface ConsoleFilter {
  name: string;
  label: string;
  /** Free text (the default), one of `choices`, or a day (`2026-12-07`). */
  kind?: 'text' | 'choice' | 'date';
  choices?: string[];
}

interface ConsoleQuery {
  /** The filters' values by name; filters left empty are absent. */
  readonly filters: Readonly<Record<string, string>>;
  /** The rooms the operator manages (bare JIDs); ignore when `allRooms`. */
  readonly rooms: readonly string[];
  /** The operator is a bot admin and sees every room. */
  readonly allRooms: boolean;
  readonly limit: number;
  /** The operator's language tag, for texts the cells carry. */
  readonly language: string;
}

interface ConsoleRow {
  /** The bare JID of the room the row belongs to. */
  room: string;
  /** The row's id within its room; it opens the row's detail. */
  id: string;
  cells: string[];
}

interface ConsoleDetail {
  title: string;
  fields: { label: string; value: string }[];
  /** The actions offered on this row now; `confirmation` is what the operator reads before it runs. */
  actions?: { name: string; label: string; confirmation: string }[];
}

interface ConsoleActionRequest {
  /** The operator's bare JID: name them in what you record. */
  readonly operator: string;
  readonly room: string;
  readonly rowId: string;
  readonly action: string;
  readonly language: string;
}

interface PubSub {
  /** The ids of every item on the node (§6.5); null when the node cannot be read (logged). */
  items(service: string, node: string, callback: (itemIds: string[] | null) => void): void;
  /**
   * Follows the node: `snapshot` gets its whole item list once read, and again after the bot reconnected without
   * resuming (notifications may have been missed); `published` and `retracted` get each change as it arrives.
   * Followed until `stop()`, or until the script is reloaded or stops.
   */
  follow(service: string, node: string, handlers: NodeHandlers): Following;
  /**
   * Publishes an item with this id (§7.1), replacing one of the same id. A payload starting with `<` is one XML
   * element, e.g. `<ban xmlns='urn:xmpp:rtbl:0'/>`; any other text is carried as the text of
   * `<text xmlns='urn:majordome:script:text:0'>`.
   */
  publish(service: string, node: string, itemId: string, payload?: string, callback?: (result: PubSubResult) => void): void;
  /** Retracts an item (§7.2); subscribers are told. */
  retract(service: string, node: string, itemId: string, callback?: (result: PubSubResult) => void): void;
  /**
   * Makes sure the bot owns the node (created when missing, §8.1) with this access model (§8.2; open by default);
   * a whitelist's subscribers become members of the node.
   */
  own(service: string, node: string, access?: NodeAccessOptions, callback?: (result: PubSubResult) => void): void;
}

interface NodeHandlers {
  snapshot?(itemIds: string[]): void;
  published?(itemId: string): void;
  retracted?(itemId: string): void;
  /** The node could not be read or subscribed to (no such node, refused); the bot tries again later. */
  unavailable?(why: string): void;
}

interface Following {
  readonly service: string;
  readonly node: string;
  /** Stops the handlers' calls. */
  stop(): void;
}

interface NodeAccessOptions {
  access?: 'open' | 'whitelist';
  /** Bare JIDs allowed to follow the node with `access: 'whitelist'`. */
  subscribers?: string[];
}

interface PubSubResult {
  done: boolean;
  /** How it ended, e.g. "Done[]" or "Refused[errorCondition=forbidden, text=...]". */
  outcome: string;
}

type Permission = 'anyone' | 'participant' | 'member' | 'moderator' | 'admin' | 'bot_admin';
type Scope = 'room' | 'private' | 'direct';
type RoleName = 'moderator' | 'participant' | 'visitor' | 'none';
type AffiliationName = 'owner' | 'admin' | 'member' | 'outcast' | 'none';

interface CommandSpec {
  /** Lower-case letters, digits, `_` and `-`; unique across all plugins. */
  name: string;
  /** One line for `!help`. */
  help: string;
  /** Argument syntax shown by help, e.g. `<nick> [reason]`. */
  usage?: string;
  /** Least trusted sender allowed (default 'anyone'); decided from the room's affiliations, never from nicks. */
  permission?: Permission;
  aliases?: string[];
  /** Where it may be used (default ['room', 'private']). */
  scopes?: Scope[];
  minArgs?: number;
  /** -1 (default) for no limit. */
  maxArgs?: number;
}

interface CommandCall {
  readonly name: string;
  /** The arguments, quotes removed. */
  readonly args: string[];
  /** Everything after the command name, as typed. */
  readonly argText: string;
  readonly sender: { nick: string | null; jid: string | null; displayName: string; occupant: Occupant | null };
  readonly permission: Permission;
  readonly scope: Scope;
  /** The room it came from or through; null in one-to-one chats. */
  readonly roomJid: string | null;
  readonly room: Room | null;
  /**
   * Answers where the command came from. In a room the answer is addressed to the sender once: "nick: " is put
   * first unless the text already names them (`${cmd.sender.displayName} rolled 6` goes out as written).
   */
  reply(text: string): void;
  /** Answers the sender only. */
  replyPrivately(text: string): void;
  /** A text of the script's bundle in the language of `reply`'s audience: the room's, or the sender's privately. */
  format(key: string, ...args: TextArgument[]): string;
  /** A text of the script's bundle in the language of `replyPrivately`'s audience. */
  formatPrivately(key: string, ...args: TextArgument[]): string;
}

/**
 * A placeholder's value: numbers follow the language's plural rules (`{0, plural, one {# point} other {# points}}`),
 * Dates are shown as moments in the audience's zone; or one object for named placeholders (`{nick}`).
 */
type TextArgument = string | number | Date | Record<string, string | number | Date>;

interface Texts {
  /** A text in the language a user's messages declared (`xml:lang`), else the bot's (`runtime.language`). */
  forUser(jid: string, key: string, ...args: TextArgument[]): string;
  /** A text in the bot's language. */
  byDefault(key: string, ...args: TextArgument[]): string;
}

interface Scheduler {
  /** Runs `task` every interval ("30s", "10m", "1h30m" or milliseconds). Replaces a job of the same name. */
  every(name: string, interval: string | number, task: () => void): void;
  /** Runs `task` at the times of a Quartz cron expression with seconds ("0 0 9 ? * MON-FRI"). */
  cron(name: string, expression: string, task: () => void, zone?: string): void;
  /** Runs `task` once, after a delay ("10m", milliseconds) or at an ISO-8601 instant. */
  once(name: string, when: string | number, task: () => void): void;
  /** A job that survives restarts and reloads: runs the `onPersistent` handler of `kind` with `payload`. */
  persistent(kind: string, name: string, when: string | number, payload: string): void;
  onPersistent(kind: string, handler: (payload: string, firing: Firing) => void): void;
  /** Cancels a job by name; true if there was one. */
  cancel(name: string): boolean;
  /** The names of the script's scheduled jobs. */
  jobs(): string[];
}

interface Firing {
  jobName: string;
  roomJid: string | null;
  scheduledFor: string;
  firedAt: string;
  late: boolean;
}

/** Values are strings (use JSON for structures); each call commits on its own. */
interface Storage {
  get(key: string): string | null;
  put(key: string, value: string): void;
  delete(key: string): boolean;
  /** Adds `delta` (default 1) to a counter and returns the new value. */
  increment(key: string, delta?: number): number;
  keys(prefix?: string): string[];
  entries(prefix?: string): Record<string, string>;
}

/** Room actions are sent in the background; what fails is logged. */
interface Room {
  readonly jid: string;
  readonly botNick: string;
  /** The room's time zone (rooms[].time-zone, else runtime.time-zone), e.g. "Europe/Paris". */
  readonly timeZone: string;
  /** A moment as people in the room read it, in its zone: "2026-12-06 23:01 CET". */
  timeText(moment: Date | number | string): string;
  /** The language the bot speaks in the room (rooms[].language, else runtime.language), e.g. "fr". */
  readonly language: string;
  /** A text of the script's bundle in the room's language, with the keepers' replacements (rooms[].texts). */
  format(key: string, ...args: TextArgument[]): string;
  joined(): boolean;
  /**
   * The room's subject as the server sent it after the bot's latest join: "" when the room has none, null while
   * the bot is out of the room or the subject has not arrived yet (a script cannot wait for it).
   */
  subject(): string | null;
  occupants(): Occupant[];
  occupant(nick: string): Occupant | null;
  send(text: string): void;
  sendPrivate(nick: string, text: string): void;
  kick(nick: string, reason?: string): void;
  ban(realBareJid: string, reason?: string): void;
  unban(realBareJid: string): void;
  grantVoice(nick: string): void;
  revokeVoice(nick: string, reason?: string): void;
  grantMembership(realBareJid: string): void;
  revokeMembership(realBareJid: string): void;
  grantModerator(nick: string): void;
  revokeModerator(nick: string): void;
  setSubject(text: string): void;
  /** Retracts a message by its stanza id (XEP-0425), where the server supports it. */
  moderate(stanzaId: string, reason?: string): void;
  invite(jid: string, reason?: string): void;
  /**
   * Reads one affiliation list (XEP-0045 §9.5, §9.8, §10.5); the callback gets its entries, or null when the list
   * could not be read (not in the room, refused: logged). Needs the admin or owner affiliation.
   */
  affiliations(list: 'owner' | 'admin' | 'member' | 'outcast',
               callback: (entries: AffiliationEntry[] | null) => void): void;
  /**
   * Sets several affiliations at once ("none" removes one, "outcast" bans); the optional callback gets one result
   * per change, in order. The bot's own affiliation is never changed. Rooms whose file declares their people have
   * them put back at the next check.
   */
  setAffiliations(changes: AffiliationChange[], callback?: (results: AffiliationResult[]) => void): void;
  /**
   * Destroys the room (XEP-0045 §10.9; the bot must own it): occupants are shown the reason and the room to go to
   * instead. The bot stops keeping it until the next reload or restart; `state: destroyed` in the configuration
   * file retires a room for good.
   */
  destroy(reason?: string, alternativeRoom?: string): void;
}

interface AffiliationEntry {
  jid: string;
  affiliation: AffiliationName;
  /** Kept by ejabberd for outcasts; Prosody keeps none. */
  reason: string | null;
}

interface AffiliationChange {
  jid: string;
  affiliation: AffiliationName;
  reason?: string;
}

interface AffiliationResult {
  jid: string;
  affiliation: AffiliationName;
  done: boolean;
  /** How it ended, e.g. "Done[]" or "Refused[errorCondition=not-allowed, text=...]". */
  outcome: string;
}

interface Occupant {
  nick: string;
  realJid: string | null;
  occupantId: string | null;
  role: RoleName;
  affiliation: AffiliationName;
}

/** A voice request as the room forwarded it to its moderators (XEP-0045 §8.6). */
interface VoiceRequest {
  nick: string;
  realJid: string | null;
  /** The role asked for: 'participant' (voice), normally. */
  requestedRole: RoleName;
}

interface MessageStanza {
  body: string;
  messageId: string | null;
  stanzaId: string | null;
  correctsId: string | null;
}

/**
 * Every event has its type and when it was received (ISO-8601); room events their room. Events and commands are
 * read-only, like frozen objects (a command's `args` excepted): copy what you want to change (`{...event}`,
 * `[...event.occupants]`).
 */
interface BotEvent {
  readonly type: keyof EventTypes;
  readonly receivedAt: string;
}

interface RoomEventBase extends BotEvent {
  readonly roomJid: string;
  /** The room, to act on it; absent if the bot no longer keeps it. */
  readonly room?: Room;
}

interface EventTypes {
  RoomMessageReceived: RoomEventBase & { sender: Occupant; message: MessageStanza; reply(text: string): void };
  PrivateMessageReceived: RoomEventBase & { sender: Occupant; message: MessageStanza; reply(text: string): void };
  DirectMessageReceived: BotEvent & { senderFullJid: string; senderBareJid: string; message: MessageStanza; reply(text: string): void };
  OccupantJoined: RoomEventBase & { occupant: Occupant };
  OccupantLeft: RoomEventBase & { occupant: Occupant; status: string | null };
  OccupantNickChanged: RoomEventBase & { occupant: Occupant; oldNick: string };
  OccupantRoleChanged: RoomEventBase & { occupant: Occupant; oldRole: RoleName; newRole: RoleName };
  OccupantAffiliationChanged: RoomEventBase & { occupant: Occupant; oldAffiliation: AffiliationName; newAffiliation: AffiliationName };
  OccupantKicked: RoomEventBase & { occupant: Occupant; actorNick: string | null; reason: string | null };
  OccupantBanned: RoomEventBase & { occupant: Occupant; actorNick: string | null; reason: string | null };
  SubjectChanged: RoomEventBase & { oldSubject: string | null; newSubject: string; byNick: string | null; byBot: boolean };
  RoomJoined: RoomEventBase & { nick: string; created: boolean; occupants: Occupant[] };
  RoomLeft: RoomEventBase & { reason: string; detail: string };
  RoomConfigured: RoomEventBase & { changedSettings: string[] };
  /** A visitor asked for voice; decided by the room's voice-requests policy before handlers see it. */
  VoiceRequested: RoomEventBase & { occupant: Occupant; request: VoiceRequest;
    decision: 'forwarded' | 'granted' | 'declined'; why: string };
  /** Someone appealed a moderation case (the moderation plugin's `!appeal`); `sanction` as the case says it. */
  AppealFiled: RoomEventBase & { caseNumber: number; appellantJid: string | null; nick: string; sanction: string;
    text: string };
  /** A moderator decided an appeal; an accepted one lifted the case's sanction. `reason` is "" when none was given. */
  AppealDecided: RoomEventBase & { caseNumber: number; appellantJid: string | null; nick: string; accepted: boolean;
    moderator: string; reason: string };
  /** A first-time visitor passed the room's gate (plugin `gate`) and was given voice. */
  GatePassed: RoomEventBase & { occupant: Occupant; how: 'waited' | 'answered' | 'let-in' };
  /** A first-time visitor used up their tries at the gate's question (plugin `gate`) and stays without voice. */
  GateFailed: RoomEventBase & { occupant: Occupant; tries: number };
  /** The moderation plugin found the occupant (bare JID or its domain) on a block list it follows, and acted. */
  BlockListHit: RoomEventBase & { occupant: Occupant; list: string; matched: string; action: 'ban' | 'kick' };
  /** The moderation plugin muted someone; `until` is null for a mute that lasts until they leave the room. */
  MuteStarted: RoomEventBase & { nick: string; realJid: string | null; occupantId: string | null;
    until: string | null; caseNumber: number };
  /** A mute the moderation plugin held is over (it ran out, `!unmute`, or an accepted appeal). */
  MuteEnded: RoomEventBase & { nick: string; realJid: string | null; occupantId: string | null;
    how: 'expired' | 'unmuted' | 'appeal' | 'not-carried-out' };
}
