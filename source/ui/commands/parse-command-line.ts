import { attempt } from '../../grammar/input-error.js';
import { nearest } from '../../model/suggest.js';
import type { CommandContext, CommandSpec, Intent, TypedForm } from './command-spec.js';
import { commandTable } from './command-table.js';

/** The commands `:` takes, by their word, in table order. */
export const typedCommands: readonly (CommandSpec & { readonly typed: TypedForm })[] = commandTable.filter((c): c is CommandSpec & { typed: TypedForm } => c.typed !== undefined);

/** The words `:` understands (each typed command's first word), in the order help and completion list them. */
export const commandWords: readonly string[] = typedCommands.map((c) => c.typed.form.split(' ')[0] ?? c.id);

export type ParseResult =
  | { readonly ok: true; readonly command: CommandSpec; readonly intent: Intent }
  | { readonly ok: false; readonly message: string };

/**
 * Parses one command line (without the leading `:`). Guaranteed never to throw on what a person
 * types: every mistake comes back as one line, `<word>: <what is wrong>`, where what is wrong
 * is the grammar's own sentence, the same the command line flags give for the same value.
 */
export function parseCommandLine(text: string, context: CommandContext): ParseResult {
  const [head = '', ...words] = text.trim().split(/\s+/);
  const word = head.toLowerCase();
  if (word === '') return { ok: false, message: 'type a command, e.g. send GET /  (help lists them)' };
  const index = commandWords.indexOf(word);
  const command = typedCommands[index];
  if (!command) return { ok: false, message: unknown(head, word) };
  if (command.needsDesign && !context.state.design) return { ok: false, message: `open a design first (goto 1), then ${word}` };
  const parsed = attempt(() => command.typed.parse(words, context));
  return parsed.ok ? { ok: true, command, intent: parsed.value } : { ok: false, message: `${word}: ${parsed.message}` };
}

/** A typo gets the one word it was probably meant to be; anything else gets the whole list. */
function unknown(head: string, word: string): string {
  const near = nearest(word, commandWords);
  return near === undefined ? `unknown command "${head}": try ${commandWords.join(', ')}` : `unknown command "${head}" (did you mean "${near}"?)`;
}
