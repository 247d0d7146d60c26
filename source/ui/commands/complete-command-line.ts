import { commandWords, type CommandLineContext } from './parse-command-line.js';
import { speedWords } from './parse-traffic-command.js';

export interface Completion {
  /** The line after completion (unchanged when nothing or several things match). */
  readonly text: string;
  /** Every candidate that matched, for the footer to list when there are several. */
  readonly candidates: readonly string[];
}

/** Commands whose arguments are separate ids, each completed on its own (the others take the rest of the line). */
const twoIds = new Set(['wire']);

/**
 * Tab completion of the word being typed at the end of the line: a command name first, then
 * the ids its argument accepts (for `wire`, each of its two ids). Several matches extend the
 * line to their common prefix.
 */
export function completeCommandLine(text: string, context: CommandLineContext): Completion {
  const leading = text.replace(/^\s+/, '');
  const words = leading.split(/\s+/);
  const typing = words.length === 1;
  const command = words[0]?.toLowerCase() ?? '';
  const single = twoIds.has(command);
  const rest = leading.slice(leading.indexOf(' ')).trimStart();
  const partial = typing ? command : single ? (words[words.length - 1] ?? '') : rest;
  const pool = typing ? commandWords : single && words.length > 3 ? [] : argumentPool(command, context);
  const candidates = pool.filter((c) => c.startsWith(partial));
  if (candidates.length === 0) return { text, candidates };
  const prefix = commonPrefix(candidates);
  const done = candidates.length === 1;
  const head = typing ? '' : single ? `${[command, ...words.slice(1, -1)].join(' ')} ` : `${command} `;
  return { text: `${head}${prefix}${done ? ' ' : ''}`, candidates };
}

function argumentPool(command: string, context: CommandLineContext): readonly string[] {
  switch (command) {
    case 'fail':
    case 'wire':
      return context.ids;
    case 'traffic':
      return ['on', 'off'];
    case 'speed':
      return Object.keys(speedWords);
    case 'heal':
      return context.ids.length > 0 ? ['all', ...context.ids] : [];
    case 'promote':
      return context.databases;
    case 'goto':
      return context.designs;
    case 'send':
      return context.presets;
    default:
      return [];
  }
}

function commonPrefix(words: readonly string[]): string {
  const [first = '', ...others] = words;
  let end = first.length;
  for (const w of others) {
    let i = 0;
    while (i < end && i < w.length && w[i] === first[i]) i++;
    end = i;
  }
  return first.slice(0, end);
}
