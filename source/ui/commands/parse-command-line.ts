import { parseRequest } from '../../sim/index.js';
import type { Invocation } from './invocation.js';
import { parseDuration } from './parse-duration.js';
import { parseTrafficCommand, trafficWords, type TrafficWord } from './parse-traffic-command.js';

/** What the command line knows about the open design, to check and complete ids. */
export interface CommandLineContext {
  /** Components and hosts of the open design (empty on the home screen). */
  readonly ids: readonly string[];
  /** Databases, the only things `promote` accepts. */
  readonly databases: readonly string[];
  /** App servers and databases, the only things `hang` accepts. */
  readonly hangable: readonly string[];
  /** Each load balancer's servers, for `maint`. */
  readonly backends: Readonly<Record<string, readonly string[]>>;
  /** Built-in designs by number and by id, for `goto`. */
  readonly designs: readonly string[];
  /** Request presets, for `send`. */
  readonly presets: readonly string[];
}

export type ParseResult =
  | { readonly ok: true; readonly invocation: Invocation }
  | { readonly ok: false; readonly message: string };

/** The words `:` understands, in the order `help` and completion list them. */
export const commandWords = ['send', 'step', 'back', 'fail', 'heal', 'hang', 'advance', 'promote', 'maint', ...trafficWords, 'goto', 'tour', 'spof', 'reset', 'help', 'quit'] as const;
type Word = (typeof commandWords)[number];

const bare = new Set<Word>(['step', 'back', 'tour', 'spof', 'reset', 'help', 'quit']);

const fail = (message: string): ParseResult => ({ ok: false, message });
const ok = (invocation: Invocation): ParseResult => ({ ok: true, invocation });

/**
 * Parses one command line (without the leading `:`). Guaranteed never to throw: every mistake
 * (unknown command, unknown id, bad request or duration, missing or extra argument) comes back
 * as a one-line message for the footer.
 */
export function parseCommandLine(text: string, context: CommandLineContext): ParseResult {
  const trimmed = text.trim();
  const [head = '', ...words] = trimmed.split(/\s+/);
  const word = head.toLowerCase();
  const rest = words.join(' ');
  if (word === '') return fail('type a command, e.g. send GET /  (help lists them)');
  if (!(commandWords as readonly string[]).includes(word)) {
    return fail(`unknown command "${head}": try ${commandWords.join(', ')}`);
  }
  const command = word as Word;
  if ((trafficWords as readonly string[]).includes(command)) return parseTrafficCommand(command as TrafficWord, words, context);
  if (bare.has(command)) {
    return words.length > 0 ? fail(`${command} takes no argument`) : ok({ command } as Invocation);
  }
  switch (command) {
    case 'send':
      return parseSend(rest);
    case 'advance':
      return parseAdvance(rest);
    case 'goto':
      return words.length === 1 && words[0] ? ok({ command, topology: words[0] }) : fail('usage: goto <number, id or file>');
    case 'maint':
      return parseMaint(words, context);
    default:
      return parseTarget(command as 'fail' | 'heal' | 'hang' | 'promote', words, context);
  }
}

function parseSend(rest: string): ParseResult {
  if (rest === '') return ok({ command: 'send' });
  try {
    return ok({ command: 'send', request: parseRequest(rest), text: rest });
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

function parseAdvance(rest: string): ParseResult {
  const ms = parseDuration(rest);
  return ms === undefined ? fail(`advance needs a duration like 5s, 500ms or 1m, not "${rest}"`) : ok({ command: 'advance', ms });
}

/** What each targeted command accepts, and how the refusal names it. */
const targets = {
  fail: { known: (c: CommandLineContext) => c.ids, what: 'component or host' },
  heal: { known: (c: CommandLineContext) => c.ids, what: 'component or host' },
  hang: { known: (c: CommandLineContext) => c.hangable, what: 'app server or database' },
  promote: { known: (c: CommandLineContext) => c.databases, what: 'database' },
} as const;

function parseTarget(command: keyof typeof targets, words: readonly string[], context: CommandLineContext): ParseResult {
  const [id, extra] = words;
  const usage = command === 'heal' ? 'heal <id> or heal all' : `${command} <id>`;
  if (id === undefined || extra !== undefined) return fail(`usage: ${usage}`);
  if (context.ids.length === 0) return fail(`open a design first (goto 1), then ${command} one of its parts`);
  if (command === 'heal' && id === 'all') return ok({ command: 'heal-all' });
  const { known, what } = targets[command];
  if (!known(context).includes(id)) return fail(`no ${what} "${id}" in this design (Tab completes ids)`);
  return ok({ command, target: id });
}

/** `maint <lb> <server> on|off`: HAProxy's `set server <backend>/<server> state maint|ready`. */
function parseMaint(words: readonly string[], context: CommandLineContext): ParseResult {
  const [lb, server, state, extra] = words;
  if (lb === undefined || server === undefined || (state !== 'on' && state !== 'off') || extra !== undefined) {
    return fail('usage: maint <load balancer> <server> on|off (Tab completes each word)');
  }
  const servers = context.backends[lb];
  if (!servers) return fail(`no load balancer "${lb}" in this design (Tab completes ids)`);
  if (!servers.includes(server)) return fail(`${server} is not a server of ${lb} (its servers: ${servers.join(', ')})`);
  return ok({ command: 'maint', lb, server, on: state === 'on' });
}
