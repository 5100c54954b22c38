// !roll 2d6 — rolls dice: NdS, up to 20 dice of up to 1000 sides; "d20" means 1d20.
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
    cmd.reply(`"${text}" is not a roll; try 2d6 or d20.`);
    return;
  }
  const count = match[1] === '' ? 1 : Number(match[1]);
  const sides = Number(match[2]);
  if (count < 1 || count > MAX_DICE || sides < 2 || sides > MAX_SIDES) {
    cmd.reply(`Roll between 1 and ${MAX_DICE} dice of 2 to ${MAX_SIDES} sides.`);
    return;
  }
  const rolls = Array.from({ length: count }, () => 1 + Math.floor(Math.random() * sides));
  const total = rolls.reduce((sum, roll) => sum + roll, 0);
  const detail = count > 1 ? `${rolls.join(' + ')} = ${total}` : `${total}`;
  cmd.reply(`${cmd.sender.displayName} rolled ${count}d${sides}: ${detail}`);
});
