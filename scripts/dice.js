// !roll 2d6 — rolls dice: NdS, up to 20 dice of up to 1000 sides; "d20" means 1d20.
// Its texts are in dice.properties (English) and dice_fr.properties, beside this file.
const MAX_DICE = 20;
const MAX_SIDES = 1000;

bot.command({
  name: 'roll',
  usage: '[NdS]',
  help: 'Rolls dice, e.g. 2d6 (default 1d6).',
  maxArgs: 1,
}, (cmd) => {
  const text = cmd.args[0] || '1d6';
  const match = /^(\d*)d(\d+)$/i.exec(text);
  if (!match) {
    cmd.reply(cmd.format('not-a-roll', text));
    return;
  }
  const count = match[1] === '' ? 1 : Number(match[1]);
  const sides = Number(match[2]);
  if (count < 1 || count > MAX_DICE || sides < 2 || sides > MAX_SIDES) {
    cmd.reply(cmd.format('out-of-range', String(MAX_DICE), String(MAX_SIDES)));
    return;
  }
  const rolls = Array.from({ length: count }, () => 1 + Math.floor(Math.random() * sides));
  const total = rolls.reduce((sum, roll) => sum + roll, 0);
  const detail = count > 1 ? `${rolls.join(' + ')} = ${total}` : `${total}`;
  cmd.reply(cmd.format('rolled', cmd.sender.displayName, `${count}d${sides}`, detail));
});
