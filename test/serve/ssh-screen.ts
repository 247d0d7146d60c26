import xterm from '@xterm/headless';
import { Client, type ClientChannel, type ConnectConfig } from 'ssh2';
import { waitForScreen, type ScreenTest } from '../wait-for-screen.js';

const { Terminal } = xterm;

export interface LoginOptions {
  readonly user?: string;
  readonly columns?: number;
  readonly rows?: number;
  readonly term?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Extra ssh2 client settings: a password, a private key, keyboard-interactive answers. */
  readonly auth?: Partial<ConnectConfig>;
  readonly answer?: string;
}

/** An ssh2 client logged in with a shell, and a headless terminal showing what the server drew. */
export class SshScreen {
  readonly terminal: InstanceType<typeof Terminal>;
  raw = '';
  readonly closed: Promise<void>;
  private lastData = Date.now();

  private constructor(
    readonly client: Client,
    readonly channel: ClientChannel,
    columns: number,
    rows: number,
  ) {
    this.terminal = new Terminal({ cols: columns, rows, allowProposedApi: true });
    channel.on('data', (data: Buffer) => {
      const text = data.toString('utf8');
      this.raw += text;
      this.lastData = Date.now();
      this.terminal.write(text);
    });
    this.closed = new Promise((resolve) => channel.on('close', () => resolve()));
  }

  /** Logs in to `port` on loopback and opens a shell with a pty of the given size. */
  static login(port: number, options: LoginOptions = {}): Promise<SshScreen> {
    const columns = options.columns ?? 100;
    const rows = options.rows ?? 30;
    return new Promise((resolve, reject) => {
      const client = new Client();
      client.on('error', reject);
      client.on('keyboard-interactive', (_name, _instructions, _lang, prompts, finish) => finish(prompts.map(() => options.answer ?? '')));
      client.on('ready', () => {
        client.shell({ term: options.term ?? 'xterm-256color', cols: columns, rows }, { env: { LANG: 'C.UTF-8', ...options.env } }, (error, channel) => {
          if (error) return reject(error);
          resolve(new SshScreen(client, channel, columns, rows));
        });
      });
      client.connect({ host: '127.0.0.1', port, username: options.user ?? 'class', tryKeyboard: true, hostVerifier: () => true, readyTimeout: 20_000, ...options.auth });
    });
  }

  screen(): string {
    const buffer = this.terminal.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < this.terminal.rows; y++) lines.push(buffer.getLine(buffer.viewportY + y)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  waitFor(test: ScreenTest, timeout = 10_000): Promise<string> {
    return waitForScreen(this.terminal, () => this.screen(), test, timeout);
  }


  /** Resolves once nothing has arrived for `ms`. */
  async quiet(ms = 200): Promise<string> {
    for (;;) {
      const wait = this.lastData + ms - Date.now();
      if (wait <= 0) break;
      await new Promise((r) => setTimeout(r, wait));
    }
    await new Promise((resolve) => this.terminal.write('', () => resolve(undefined)));
    return this.screen();
  }

  async press(...keys: readonly string[]): Promise<void> {
    for (const key of keys) {
      this.channel.write(key);
      await new Promise((r) => setTimeout(r, 15));
    }
  }

  resize(columns: number, rows: number): void {
    this.channel.setWindow(rows, columns, 0, 0);
    this.terminal.resize(columns, rows);
  }

  /** Logs out politely. */
  end(): void {
    this.client.end();
  }

  /** Cuts the TCP connection with no goodbye, as a crashed client or a dropped network does. */
  kill(): void {
    (this.client as unknown as { _sock: { destroy(): void } })._sock.destroy();
  }
}
