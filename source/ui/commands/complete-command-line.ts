import { commandWords, type CommandLineContext } from './parse-command-line.js';
import { speedWords } from './parse-traffic-command.js';

export interface Completion {
  /** The line after completion (unchanged when nothing or several things match). */
  readonly text: string;
  /** Every candidate that matched, for the footer to list when there are several. */
  readonly candidates: readonly string[];
}

/**
 * The candidates for argument `index` (0-based) of commands whose arguments are separate words,
 * each completed on its own from the words before it; the other commands take the rest of the line.
 */
const wordPools: Readonly<Record<string, (index: number, before: readonly string[], context: CommandLineContext) => readonly string[]>> = {
  wire: (index, _, context) => (index < 2 ? context.ids : []),
  maint: (index, before, context) => [Object.keys(context.backends), context.backends[before[0] ?? ''] ?? [], ['on', 'off']][index] ?? [],
};

/**
 * Tab completion of the word being typed at the end of the line: a command name first, then
 * the ids its argument accepts (for `wire` and `maint`, each word on its own). Several matches
 * extend the line to their common prefix.
 */
export function completeCommandLine(text: string, context: CommandLineContext): Completion {
  const leading = text.replace(/^\s+/, '');
  const words = leading.split(/\s+/);
  const typing = words.length === 1;
  const command = words[0]?.toLowerCase() ?? '';
  const perWord = wordPools[command];
  const rest = leading.slice(leading.indexOf(' ')).trimStart();
  const partial = typing ? command : perWord ? (words[words.length - 1] ?? '') : rest;
  const pool = typing ? commandWords : perWord ? perWord(words.length - 2, words.slice(1, -1), context) : argumentPool(command, context);
  const candidates = pool.filter((c) => c.startsWith(partial));
  if (candidates.length === 0) return { text, candidates };
  const prefix = commonPrefix(candidates);
  const done = candidates.length === 1;
  const head = typing ? '' : perWord ? `${[command, ...words.slice(1, -1)].join(' ')} ` : `${command} `;
  return { text: `${head}${prefix}${done ? ' ' : ''}`, candidates };
}

function argumentPool(command: string, context: CommandLineContext): readonly string[] {
  switch (command) {
    case 'fail':
      return context.ids;
    case 'hang':
      return context.hangable;
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
