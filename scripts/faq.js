// Answers frequent questions. Configuration (plugins.faq in the bot's configuration file):
//
//   faq:
//     cooldown-seconds: 60          # the same answer at most once a minute per room
//     entries:
//       - pattern: "how (do|can) I join"
//         answer: "Ask a moderator for an invitation."
//
// Patterns are case-insensitive regular expressions matched anywhere in a message. The answers are the file's;
// the script's own texts are in faq.properties (English) and faq_fr.properties, beside this file.
const config = bot.config || {};
const cooldownMs = (config['cooldown-seconds'] ?? 60) * 1000;
const entries = (config.entries || []).map((entry) => ({
  pattern: new RegExp(entry.pattern, 'i'),
  answer: String(entry.answer),
}));
const lastAnswered = new Map(); // "room|answer index" -> time

bot.onEvent('RoomMessageReceived', (event) => {
  if (event.sender.nick === event.room?.botNick) {
    return;
  }
  const index = entries.findIndex((entry) => entry.pattern.test(event.message.body));
  if (index < 0) {
    return;
  }
  const key = `${event.roomJid}|${index}`;
  const now = bot.now();
  if (lastAnswered.has(key) && now - lastAnswered.get(key) < cooldownMs) {
    return;
  }
  lastAnswered.set(key, now);
  event.reply(entries[index].answer);
});

bot.command({ name: 'faq', help: 'Lists the questions this bot answers by itself.' }, (cmd) => {
  cmd.reply(entries.length === 0
    ? cmd.format('none')
    : entries.map((entry) => entry.pattern.source).join('\n'));
});

bot.log.info(`${entries.length} FAQ entr${entries.length === 1 ? 'y' : 'ies'}`);
