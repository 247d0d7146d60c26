import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach } from 'vitest';
import type { RunningServer, ServeOptions } from '../../source/serve/ssh-server.js';
import type { SshScreen } from './ssh-screen.js';

const dir = mkdtempSync(join(tmpdir(), 'infra-tui-serve-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

export interface TestServer {
  readonly server: RunningServer;
  readonly port: number;
  /** The server's log lines so far. */
  readonly log: string[];
}

/**
 * Registers the tear-down (every client and server of a test is closed after it) and returns
 * the function that starts an in-process server on a free loopback port. Ink is imported only
 * once the process is prepared as `serve` prepares it (CI unset: under CI Ink would write
 * nothing until exit).
 */
export function testServers(): { start: (options?: Partial<ServeOptions>) => Promise<TestServer>; track: (s: SshScreen) => SshScreen } {
  const servers: RunningServer[] = [];
  const screens: SshScreen[] = [];
  afterEach(async () => {
    for (const s of screens.splice(0)) s.kill();
    await Promise.all(servers.splice(0).map((s) => s.close('test over')));
  });
  return {
    track: (s) => {
      screens.push(s);
      return s;
    },
    start: async (options = {}) => {
      const { prepareProcessForSessions } = await import('../../source/serve/prepare-process.js');
      prepareProcessForSessions();
      const { startServer } = await import('../../source/serve/ssh-server.js');
      const { loadHostKey } = await import('../../source/serve/host-key.js');
      const log: string[] = [];
      const server = await startServer({
        port: 0,
        host: '127.0.0.1',
        hostKey: loadHostKey(join(dir, 'host_key')).key,
        auth: { mode: 'none', keys: [], presenter: false, presenterKey: undefined, code: () => '424242', codeUsed: () => undefined },
        seed: 1,
        asciiOnly: () => false,
        log: (line) => log.push(line),
        ...options,
      });
      servers.push(server);
      return { server, port: server.port, log };
    },
  };
}
