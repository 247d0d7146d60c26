import pty from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll } from 'vitest';

const { Terminal } = xterm;

/** The built CLI; e2e tests run what users run (`npm run build` first). */
export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface SessionOptions {
  readonly args?: readonly string[];
  readonly columns?: number;
  readonly rows?: number;
  /** Extra environment; `CI` is always removed (Ink renders nothing until exit under CI). */
  readonly env?: Readonly<Record<string, string>>;
}

/**
 * The CLI in a pseudo-terminal with a headless xterm reading its output, so tests see the
 * screen a user would: text by row, which buffer is active, whether the cursor is shown.
 */
export class PtySession {
  readonly terminal: InstanceType<typeof Terminal>;
  private readonly child: pty.IPty;
  private raw = '';
  private exitCode: number | undefined;
  private readonly exited: Promise<number>;

  constructor(options: SessionOptions = {}) {
    const columns = options.columns ?? 100;
    const rows = options.rows ?? 30;
    const env: Record<string, string> = { ...(process.env as Record<string, string>), TERM: 'xterm-256color', ...options.env };
    delete env['CI'];
    this.terminal = new Terminal({ cols: columns, rows, allowProposedApi: true });
    this.child = pty.spawn(process.execPath, [CLI, ...(options.args ?? [])], { cols: columns, rows, env, name: 'xterm-256color' });
    this.child.onData((data) => {
      this.raw += data;
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

  resize(columns: number, rows: number): void {
    this.child.resize(columns, rows);
    this.terminal.resize(columns, rows);
  }

  /** Resolves once the screen matches; rejects after `timeout` ms with the screen in the message. */
  async waitFor(test: string | RegExp | ((screen: string) => boolean), timeout = 5000): Promise<string> {
    const matches = typeof test === 'function' ? test : (s: string) => (typeof test === 'string' ? s.includes(test) : test.test(s));
    const deadline = Date.now() + timeout;
    for (;;) {
      await new Promise((resolve) => this.terminal.write('', () => resolve(undefined)));
      const screen = this.screen();
      if (matches(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(test)}; the screen was:\n${screen}`);
      await new Promise((r) => setTimeout(r, 20));
    }
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
