// nick++ / nick-- give or take karma (not to yourself); !karma nick tells someone's score.
// Scores are kept per room in the bot's storage, so they survive restarts and reloads.
// Its texts are in karma.properties (English) and karma_fr.properties, beside this file.
const KARMA = /(^|\s)([^\s+-][^\s]*?)(\+\+|--)(?=\s|$)/g;

bot.onEvent('RoomMessageReceived', (event) => {
  const store = bot.storage.room(event.roomJid);
  const giver = event.sender.nick.toLowerCase();
  const changes = [];
  for (const match of event.message.body.matchAll(KARMA)) {
    const nick = match[2].replace(/[:,]$/, '');
    if (nick.toLowerCase() === giver) {
      continue;
    }
    const score = store.increment(`karma:${nick.toLowerCase()}`, match[3] === '++' ? 1 : -1);
    changes.push(event.room.format('now-has', nick, score));
  }
  if (changes.length > 0) {
    event.room.send(changes.join(', '));
  }
});

bot.command({ name: 'karma', usage: '<nick>', help: "Tells someone's karma.", minArgs: 1, maxArgs: 1 }, (cmd) => {
  const nick = cmd.args[0];
  const store = cmd.roomJid ? bot.storage.room(cmd.roomJid) : bot.storage;
  const score = Number(store.get(`karma:${nick.toLowerCase()}`) ?? 0);
  cmd.reply(cmd.format('has', nick, score));
});
