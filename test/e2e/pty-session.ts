import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll } from 'vitest';
import { waitForScreen, type ScreenTest } from '../wait-for-screen.js';

const { Terminal } = xterm;

/** The built CLI; e2e tests run what users run (`npm run build` first). */
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface SessionOptions {
  readonly args?: readonly string[];
  readonly columns?: number;
  readonly rows?: number;
  /** Extra environment; `CI` is always removed (Ink renders nothing until exit under CI). */
  readonly env?: Readonly<Record<string, string>>;
  /** Run this program instead of the CLI (a shell, to test job control); `args` are then its own. */
  readonly command?: string;
}

/**
 * The CLI in a pseudo-terminal with a headless xterm reading its output, so tests see the
 * screen a user would: text by row, which buffer is active, whether the cursor is shown.
 */
export class PtySession {
  readonly terminal: InstanceType<typeof Terminal>;
  private readonly child: pty.IPty;
  private raw = '';
  private lastData = Date.now();
  private exitCode: number | undefined;
  private readonly exited: Promise<number>;

  constructor(options: SessionOptions = {}) {
    const columns = options.columns ?? 100;
    const rows = options.rows ?? 30;
    // A UTF-8 locale unless a test says otherwise: LC_ALL or LC_CTYPE inherited from the machine
    // running the tests would override it (and a non-UTF-8 one switches the app to ASCII).
    const env: Record<string, string> = { ...(process.env as Record<string, string>), TERM: 'xterm-256color', LANG: 'C.UTF-8', ...options.env };
    delete env['CI'];
    for (const name of ['LC_ALL', 'LC_CTYPE']) if (!options.env?.[name]) delete env[name];
    this.terminal = new Terminal({ cols: columns, rows, allowProposedApi: true });
    const [file, args] = options.command ? [options.command, options.args ?? []] : [process.execPath, [CLI, ...(options.args ?? [])]];
    this.child = pty.spawn(file, [...args], { cols: columns, rows, env, name: env['TERM'] ?? 'xterm-256color' });
    this.child.onData((data) => {
      this.raw += data;
      this.lastData = Date.now();
      this.terminal.write(data);
    });
    this.exited = new Promise((resolve) => {
      this.child.onExit(({ exitCode }) => {
        this.exitCode = exitCode;
        resolve(exitCode);
      });
    });
  }

  /** Everything the program wrote, escape sequences included. */
  get output(): string {
    return this.raw;
  }

  /** The visible screen as text, one line per row, trailing spaces removed. */
  screen(): string {
    const buffer = this.terminal.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < this.terminal.rows; y++) lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  get inAlternateScreen(): boolean {
    return this.terminal.buffer.active.type === 'alternate';
  }

  /** Whether the cursor is shown: the last show/hide sequence written decides. */
  get cursorVisible(): boolean {
    return this.raw.lastIndexOf('\x1b[?25l') < this.raw.lastIndexOf('\x1b[?25h') || !this.raw.includes('\x1b[?25l');
  }

  /** Sends keys as a terminal does: one write per key press. */
  async press(...keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      this.child.write(key);
      // Let the app take each key before the next, as a person's typing does.
      await new Promise((r) => setTimeout(r, 15));
    }
  }

  /** Types text one character at a time. */
  type(text: string): Promise<void> {
    return this.press(...text);
  }

  /**
   * Runs a `:` command line: opens the line, waits until it shows, types `text`, presses Enter;
   * then, with `expected`, resolves with the screen once it shows the command's effect.
   */
  async command(text: string, expected?: string | RegExp): Promise<string> {
    await this.press(':');
    await this.waitFor(/^:/m);
    await this.type(text);
    await this.press('\r');
    return expected === undefined ? this.screen() : this.waitFor(expected);
  }

  resize(columns: number, rows: number): void {
    this.child.resize(columns, rows);
    this.terminal.resize(columns, rows);
  }

  /** Resolves once the screen matches; rejects after `timeout` ms with the screen in the message. */
  waitFor(test: ScreenTest, timeout = 5000): Promise<string> {
    return waitForScreen(this.terminal, () => this.screen(), test, timeout);
  }


  /**
   * Resolves with the screen once the program has written nothing for `ms` from now (and the
   * terminal has parsed all it wrote): a frame is complete. Rejects after `timeout` ms of
   * continuous output.
   */
  async quiet(ms = 150, timeout = 10_000): Promise<string> {
    const start = Date.now();
    const deadline = start + timeout;
    for (;;) {
      const wait = Math.max(this.lastData, start) + ms - Date.now();
      if (wait <= 0) break;
      if (Date.now() > deadline) throw new Error(`still writing after ${timeout} ms; the screen was:\n${this.screen()}`);
      await new Promise((r) => setTimeout(r, wait));
    }
    await new Promise((resolve) => this.terminal.write('', () => resolve(undefined)));
    return this.screen();
  }

  /**
   * Resolves with the screen once the program is idle: for `windowMs` it has written nothing,
   * used no CPU and been asleep, waiting for input (Linux's /proc; elsewhere only the output
   * counts). Unlike `quiet`, this is not fooled by a program that is busy computing its next
   * frame, nor by one waiting on a short timer shorter than the window.
   */
  async settled(windowMs = 150, timeout = 15_000): Promise<string> {
    const deadline = Date.now() + timeout;
    let since = Date.now();
    let before = this.activity();
    while (Date.now() - since < windowMs) {
      if (Date.now() > deadline) throw new Error(`still busy after ${timeout} ms; the screen was:\n${this.screen()}`);
      await new Promise((r) => setTimeout(r, 25));
      const now = this.activity();
      if (now !== before || !now.startsWith('S')) since = Date.now();
      before = now;
    }
    await new Promise((resolve) => this.terminal.write('', () => resolve(undefined)));
    return this.screen();
  }

  /** The program's state letter and CPU ticks (from /proc) and the output received so far. */
  private activity(): string {
    let stat = 'S';
    try {
      const fields = readFileSync(`/proc/${this.child.pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
      stat = `${fields[0]} ${fields[11]} ${fields[12]}`;
    } catch {
      // No /proc (or the program has ended): only the output tells.
    }
    return `${stat} ${this.raw.length}`;
  }

  /** Whether the program has ended. */
  get ended(): boolean {
    return this.exitCode !== undefined;
  }

  /** Resolves to the exit code (kills the program after `timeout` ms). */
  async exit(timeout = 5000): Promise<number> {
    const timer = setTimeout(() => this.child.kill(), timeout);
    const code = await this.exited;
    clearTimeout(timer);
    await new Promise((resolve) => this.terminal.write('', () => resolve(undefined)));
    return code;
  }

  kill(signal?: string): void {
    if (this.exitCode === undefined) this.child.kill(signal);
  }
}

/**
 * Registers the suite's set-up and tear-down (the built CLI must exist; every session is killed
 * after each test) and returns the function that starts a session.
 */
export function ptySessions(defaults: SessionOptions = {}): (options?: SessionOptions) => PtySession {
  const sessions: PtySession[] = [];
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build first');
  });
  afterEach(() => {
    for (const s of sessions.splice(0)) s.kill();
  });
  return (options = {}) => {
    const session = new PtySession({ ...defaults, ...options, env: { ...defaults.env, ...options.env } });
    sessions.push(session);
    return session;
  };
}
