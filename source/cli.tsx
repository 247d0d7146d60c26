import type { Result } from 'meow';
import pkg from '../package.json' with { type: 'json' };
import { commands, type CommandName } from './commands/registry.js';
import { exitOnClosedPipes } from './commands/closed-pipes.js';
import { asciiOnly } from './commands/terminal-traits.js';
import { reportCommandError } from './commands/command-error.js';
import { type Flags, type Io } from './commands/context.js';
import { isSpofTask } from './commands/spof-task.js';
import { asTyped, flagSpec, misplacedFlag, optionsHelp } from './commands/flag-table.js';
import { fileURLToPath } from 'node:url';
import { workerData } from 'node:worker_threads';

/** `--help`'s text; built only when meow is loaded to read a flag. */
const help = () => `
  Watch web infrastructure work: diagrams, requests hop by hop, failures and failover.

  Usage
    $ infra-tui [topology]                 the interactive app (home menu without an argument)
    $ infra-tui list                       the built-in designs
    $ infra-tui print <topology>           the diagram as plain text
    $ infra-tui trace <topology>           send one request and print every hop
    $ infra-tui spof <topology>            what each single failure does to the site
    $ infra-tui compare [topology...]      designs side by side (all built-ins without one)
    $ infra-tui simulate <topology>        run traffic on the virtual clock and summarize it
    $ infra-tui export <topology>          the design as Mermaid, DOT, JSON or a Markdown handout
    $ infra-tui config <topology> [id]     write every host's configuration files (--out DIR)
    $ infra-tui validate <file.yaml>       check a topology file
    $ infra-tui play <scenario> [--print]  play a scenario (a .yaml file or a built-in one)
    $ infra-tui [topology] --record FILE   the app, saving what you do as a scenario
    $ infra-tui serve                      the app over SSH for a classroom (ssh -p 2222 class@host)

  <topology> is a number (0-4), an id (simple, distributed, secured, scaled,
  high-availability) or the path of a YAML file.

  Options
${optionsHelp()}
    --help, --version

  Exit codes: 0 ok, 1 runtime failure, 2 bad usage or bad topology file.
`;

/**
 * `--after -1s` as `--after=-1s`: a value that starts with a minus and a digit would otherwise be
 * read as flags (`-1`, `-s`); joined, it reaches the grammar, which says what is wrong with it.
 */
function joinNegativeValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const name = /^--([a-z-]+)$/.exec(arg)?.[1];
    const next = argv[i + 1];
    const takesValue = name !== undefined && Object.hasOwn(flagSpec, name) && flagSpec[name as keyof typeof flagSpec].type !== 'boolean';
    if (takesValue && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i++;
    } else out.push(arg);
  }
  return out;
}

type Parsed = Pick<Result<typeof flagSpec>, 'input' | 'flags'>;

/** What meow gives for arguments without a flag: each flag's default (an empty list for `--at`). */
const unflagged = Object.fromEntries(
  Object.entries(flagSpec).flatMap(([name, spec]): [string, unknown][] => ('default' in spec ? [[name, spec.default]] : 'isMultiple' in spec ? [[name, []]] : [])),
) as Parsed['flags'];

/**
 * The arguments as meow reads them. Without a single flag (`infra-tui 4`, `print 1`), that is
 * the arguments as given and every flag's default, so meow (a large module to load and run)
 * is loaded only when there is a flag for it to read.
 */
export async function parse(argv: readonly string[]): Promise<Parsed> {
  if (argv.every((arg) => !arg.startsWith('-'))) return { input: [...argv], flags: { ...unflagged } };
  return meowParse(argv);
}

/** The arguments as meow reads them, whatever they are. */
export async function meowParse(argv: readonly string[]): Promise<Parsed> {
  const { default: meow } = await import('meow');
  return meow(help(), {
    importMeta: import.meta,
    argv: joinNegativeValues(argv),
    // Given, so meow does not look for package.json on disk at every start.
    pkg: { name: pkg.name, version: pkg.version },
    // Unknown flags are reported by `unknownFlags` in one line, not meow's two-line message.
    allowUnknownFlags: true,
    flags: flagSpec,
  });
}

const knownFlags = new Set([...Object.keys(flagSpec), 'help', 'version']);

/** The flags given that the CLI does not know, as typed (`--bogus`). */
function unknownFlags(flags: Record<string, unknown>): string[] {
  return Object.keys(flags)
    .filter((key) => !knownFlags.has(key))
    .map(asTyped);
}

/** The flags given on the command line: those whose value is not what meow gives when they are absent. */
function givenFlags(flags: Record<string, unknown>): string[] {
  return Object.keys(flags).filter((key) => {
    const value = flags[key];
    return Array.isArray(value) ? value.length > 0 : value !== (unflagged as Record<string, unknown>)[key];
  });
}

/** A number flag given a non-number arrives as NaN; say which flag, once. */
function badNumber(flags: Record<string, unknown>): string | undefined {
  return ['width', 'seed', 'port', 'maxSessions'].find((key) => Number.isNaN(flags[key]));
}

function processIo(): Io {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    columns: process.stdout.isTTY ? process.stdout.columns : undefined,
    rows: process.stdout.isTTY ? process.stdout.rows : undefined,
    cwd: process.cwd(),
    asciiOnly: asciiOnly(process.env),
    // NO_COLOR is read on its own below (set and not empty, as no-color.org says).
    colourDepth: process.stdout.isTTY ? process.stdout.getColorDepth({ ...process.env, NO_COLOR: undefined }) : 1,
    work: { stderr: process.stderr, on: (s, l) => process.on(s, l), off: (s, l) => process.off(s, l), now: () => performance.now() },
    workerEntry: fileURLToPath(import.meta.url),
  };
}

/** Runs the CLI and resolves to its exit code; every user mistake becomes one line on stderr. */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const cli = await parse(argv);
  const unknown = unknownFlags(cli.flags);
  if (unknown.length > 0) {
    io.stderr(`infra-tui: unknown flag ${unknown.join(', ')} (infra-tui --help lists them)\n`);
    return 2;
  }
  const nan = badNumber(cli.flags);
  if (nan !== undefined) {
    io.stderr(`infra-tui: ${asTyped(nan)} needs a number\n`);
    return 2;
  }
  const [first, ...rest] = cli.input;
  const named = first !== undefined && Object.hasOwn(commands, first) && first !== 'interactive';
  const name: CommandName = named ? (first as CommandName) : 'interactive';
  const args = named ? rest : cli.input;
  const misplaced = misplacedFlag(name, givenFlags(cli.flags));
  if (misplaced !== undefined) {
    io.stderr(`infra-tui: ${misplaced}\n`);
    return 2;
  }
  const noColor = process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '';
  const f = cli.flags;
  const flags: Flags = {
    ...f,
    at: f.at ?? [],
    ascii: f.ascii || io.asciiOnly,
    // Only the 8 basic colours are used, so any colour terminal shows them all; Ink's chalk
    // picks its own level (16, 256, true colour) from the same terminal facts.
    color: f.color && !noColor && io.stdoutIsTTY && io.colourDepth > 1,
  };
  if (flags.width !== undefined && (!Number.isInteger(flags.width) || flags.width < 20 || flags.width > 1000)) {
    io.stderr(`infra-tui: --width must be a whole number from 20 to 1000, not ${String(flags.width)}\n`);
    return 2;
  }
  try {
    return await commands[name]({ args, flags, io });
  } catch (error) {
    return reportCommandError(error, io);
  }
}

// Started again as a worker thread, the bundle computes its share of a SPOF analysis and nothing else.
if (isSpofTask(workerData)) (await import('./commands/spof-worker.js')).runSpofTask(workerData);
else {
  exitOnClosedPipes(process);
  process.exitCode = await main(process.argv.slice(2));
}
