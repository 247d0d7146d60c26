import type { CommandName } from './registry.js';

type Spec = { readonly type: 'boolean' | 'string' | 'number'; readonly default?: boolean; readonly isMultiple?: true };
interface FlagRow {
  /** How meow reads it. */
  readonly spec: Spec;
  /** How `--help` shows it. */
  readonly usage: string;
  /** The commands that read it (`interactive` is the app); every command takes `all`. */
  readonly for: readonly CommandName[] | 'all';
  /** What it does, as `--help` says it, one line each. */
  readonly text: readonly string[];
}

/**
 * Every flag: how it is read, the commands that read it and what `--help` says of it. A flag
 * given to a command that does not read it is refused (`simulate 2 --fail server-1` would
 * otherwise show a healthy run as if server-1 were down), and the help's Options section is
 * made from this table, so the two cannot disagree.
 */
export const flagTable = {
  request: { spec: { type: 'string' }, usage: '--request "METHOD PATH"', for: ['trace'], text: ['the request (GET /, GET /static/logo.png, POST /signup,', 'any METHOD PATH, or TCP <ip>:<port>)'] },
  fail: { spec: { type: 'string' }, usage: '--fail id,id', for: ['trace', 'print'], text: ['components or hosts that are down; in trace,', 'app-1:hang leaves an app server or database up but silent'] },
  after: { spec: { type: 'string' }, usage: '--after 1s', for: ['trace'], text: ['send that long after the failures (default: once settled)'] },
  count: { spec: { type: 'string' }, usage: '--count N', for: ['trace'], text: ['send N requests in a row'] },
  client: { spec: { type: 'string' }, usage: '--client linux|windows', for: ['trace'], text: ["the browser's OS, which decides when an unanswered SYN is", 'sent again (default linux: 1, 3, 7, 15 ... s; windows: 3, 9 s)'] },
  qps: { spec: { type: 'string' }, usage: '--qps N', for: ['simulate'], text: ['requests per second'] },
  duration: { spec: { type: 'string' }, usage: '--duration 60s', for: ['simulate'], text: ['how long to run'] },
  mix: { spec: { type: 'string' }, usage: '--mix s:r:w', for: ['simulate'], text: ['static:read:write shares (default 30:50:20)'] },
  at: { spec: { type: 'string', isMultiple: true }, usage: '--at "5s fail server-1"', for: ['simulate'], text: ['an action at a time (repeatable)'] },
  format: { spec: { type: 'string' }, usage: '--format F', for: ['export'], text: ['mermaid, dot, json or markdown'] },
  out: { spec: { type: 'string' }, usage: '--out DIR', for: ['config'], text: ['the folder to write into (DIR/<host>/etc/...)'] },
  check: { spec: { type: 'boolean', default: false }, usage: '--check', for: ['config'], text: ['run haproxy -c, nginx -t and keepalived --config-test'] },
  json: { spec: { type: 'boolean', default: false }, usage: '--json', for: ['list', 'trace', 'spof', 'compare', 'simulate'], text: ['machine-readable output'] },
  width: { spec: { type: 'number' }, usage: '--width N', for: ['list', 'print', 'trace', 'spof', 'compare', 'play'], text: ["the widest line allowed (default: the terminal's width)"] },
  ascii: { spec: { type: 'boolean', default: false }, usage: '--ascii', for: 'all', text: ['7-bit characters only, no box drawing'] },
  color: { spec: { type: 'boolean', default: true }, usage: '--no-color', for: 'all', text: ['no colour (also NO_COLOR=1)'] },
  seed: { spec: { type: 'number' }, usage: '--seed N', for: ['trace', 'spof', 'compare', 'simulate', 'interactive', 'serve'], text: ["the seed of the simulation's randomness (default 1)"] },
  print: { spec: { type: 'boolean', default: false }, usage: '--print', for: ['play'], text: ['print each step and what it did, instead of the app'] },
  record: { spec: { type: 'string' }, usage: '--record FILE', for: ['interactive'], text: ['save every action, with its virtual time, as a scenario'] },
  port: { spec: { type: 'number' }, usage: '--port N', for: ['serve'], text: ['where to listen (default 2222)'] },
  host: { spec: { type: 'string' }, usage: '--host ADDR', for: ['serve'], text: ['the address to listen on (default 127.0.0.1)'] },
  presenter: { spec: { type: 'boolean', default: false }, usage: '--presenter', for: ['serve'], text: ['everyone follows the presenter (ssh presenter@host)'] },
  presenterKey: { spec: { type: 'string' }, usage: '--presenter-key FILE', for: ['serve'], text: ["the presenter's public key (else a one-time code)"] },
  auth: { spec: { type: 'string' }, usage: '--auth none|password|keys', for: ['serve'], text: ['how students log in'] },
  passwordFile: { spec: { type: 'string' }, usage: '--password-file FILE', for: ['serve'], text: ['the password, on its first line (--auth password)'] },
  authorizedKeys: { spec: { type: 'string' }, usage: '--authorized-keys FILE', for: ['serve'], text: ["the students' public keys (--auth keys)"] },
  maxSessions: { spec: { type: 'number' }, usage: '--max-sessions N', for: ['serve'], text: ['at most N sessions at once (default 60)'] },
  idle: { spec: { type: 'string' }, usage: '--idle 30m', for: ['serve'], text: ['close a session after this long without a key'] },
  hostKey: { spec: { type: 'string' }, usage: '--host-key FILE', for: ['serve'], text: ["the server's ed25519 key (made on first start)"] },
} as const satisfies Record<string, FlagRow>;

type FlagName = keyof typeof flagTable;
const rows = Object.entries(flagTable) as [FlagName, FlagRow][];

/** Every flag as meow reads it. */
export const flagSpec = Object.fromEntries(rows.map(([name, row]) => [name, row.spec])) as { readonly [K in FlagName]: (typeof flagTable)[K]['spec'] };

/** A command as messages name it: `interactive` is the app. */
export const said = (command: CommandName) => (command === 'interactive' ? 'the app' : command);
/** `--max-sessions` for `maxSessions`. */
export const asTyped = (name: string) => `--${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The Options section of `--help`: each flag, the commands it is for and what it does. */
export function optionsHelp(): string {
  return rows
    .flatMap(([, row]) => {
      const who = row.for === 'all' ? '' : `${row.for.map(said).join(', ')}: `;
      const [first = '', ...more] = row.text;
      // A long list of commands gets a line of its own, so no line passes 96 columns.
      const lines = who.length + first.length > 66 ? [who.trimEnd(), first, ...more] : [`${who}${first}`, ...more];
      return lines.map((line, i) => (i === 0 ? `    ${row.usage.padEnd(26)}${line}` : `${' '.repeat(30)}${line}`));
    })
    .join('\n');
}

/**
 * The one line refusing the first flag given that `command` does not read, or undefined when
 * it reads them all. `given` are flag names as meow reports them (`maxSessions`).
 */
export function misplacedFlag(command: CommandName, given: readonly string[]): string | undefined {
  for (const name of given) {
    const row = Object.hasOwn(flagTable, name) ? flagTable[name as FlagName] : undefined;
    const users: readonly CommandName[] | 'all' = row?.for ?? 'all';
    if (users === 'all' || users.includes(command)) continue;
    return `${said(command)} does not take ${asTyped(name)}: it is for ${users.map(said).join(', ')} (infra-tui --help)`;
  }
  return undefined;
}
