import type { CommandContext } from './command-spec.js';
import { commandWords, typedCommands } from './parse-command-line.js';

export interface Completion {
  /** The line after completion (unchanged when nothing or several things match). */
  readonly text: string;
  /** Every candidate that matched, for the footer to list when there are several. */
  readonly candidates: readonly string[];
}

/**
 * Tab completion of the word being typed at the end of the line: a command name first, then
 * what its argument accepts (each word on its own, or the rest of the line as one for the
 * commands whose argument has spaces). Several matches extend the line to their common prefix.
 */
export function completeCommandLine(text: string, context: CommandContext): Completion {
  const leading = text.replace(/^\s+/, '');
  const words = leading.split(/\s+/);
  const word = words[0]?.toLowerCase() ?? '';
  if (words.length === 1) return complete('', word, commandWords, text);
  const typed = typedCommands[commandWords.indexOf(word)]?.typed;
  if (!typed?.complete) return { text, candidates: [] };
  if (typed.rest) return complete(`${word} `, leading.slice(leading.indexOf(' ')).trimStart(), typed.complete(0, [], context), text);
  const before = words.slice(1, -1);
  return complete(`${[word, ...before].join(' ')} `, words.at(-1) ?? '', typed.complete(before.length, before, context), text);
}

function complete(head: string, partial: string, pool: readonly string[], text: string): Completion {
  const candidates = pool.filter((c) => c.startsWith(partial));
  if (candidates.length === 0) return { text, candidates };
  const done = candidates.length === 1;
  return { text: `${head}${commonPrefix(candidates)}${done ? ' ' : ''}`, candidates };
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
