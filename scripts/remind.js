// !remind 10m stretch your legs — reminds you in the room after a delay (30s, 10m, 2h, 1h30m, up to 7 days).
// Reminders are persistent jobs: they survive restarts and reloads of this script.
// Its texts are in remind.properties (English) and remind_fr.properties, beside this file.
const MAX_DELAY_MS = 7 * 24 * 3600 * 1000;
const UNITS = { ms: 1, s: 1000, m: 60000, h: 3600000, d: 86400000 };

function delayMs(text) {
  const parts = [...text.matchAll(/(\d+)(ms|s|m|h|d)/g)];
  if (parts.length === 0 || parts.map((part) => part[0]).join('') !== text) {
    return null;
  }
  return parts.reduce((total, part) => total + Number(part[1]) * UNITS[part[2]], 0);
}

bot.schedule.onPersistent('reminder', (payload) => {
  const reminder = JSON.parse(payload);
  const room = bot.rooms.get(reminder.room);
  if (room) {
    room.send(`${reminder.nick}: ${reminder.text}`);
  } else {
    bot.log.warn(`reminder for ${reminder.nick} in ${reminder.room}: the bot is not in that room`);
  }
});

bot.command({
  name: 'remind',
  usage: '<delay> <text>',
  help: 'Reminds you of something later, e.g. !remind 10m tea is ready.',
  minArgs: 2,
  scopes: ['room'],
}, (cmd) => {
  const delay = delayMs(cmd.args[0]);
  if (delay === null || delay <= 0 || delay > MAX_DELAY_MS) {
    cmd.reply(cmd.format('not-a-delay', cmd.args[0]));
    return;
  }
  const text = cmd.args.slice(1).join(' ');
  const id = bot.storage.increment('reminder-sequence');
  const reminder = { room: cmd.roomJid, nick: cmd.sender.nick, text };
  bot.schedule.persistent('reminder', `reminder-${id}`, `${delay}ms`, JSON.stringify(reminder));
  cmd.reply(cmd.format('will-remind', cmd.sender.nick, cmd.args[0]));
});
