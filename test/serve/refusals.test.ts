import { Socket } from 'node:net';
import type { Client } from 'ssh2';
import { describe, expect, it } from 'vitest';
import { SshScreen } from './ssh-screen.js';
import { testServers } from './test-server.js';

const { start, track } = testServers();

/** The error a client request ends in (undefined when the server granted it). */
const refusal = (ask: (done: (error: Error | undefined) => void) => void) =>
  new Promise<Error | undefined>((resolve) => ask((error) => resolve(error ?? undefined)));

/** Everything a login may ask of an SSH server besides a terminal, each asked on its own connection's client. */
const requests: Record<string, (c: Client, done: (error: Error | undefined) => void) => void> = {
  exec: (c, done) => c.exec('cat /etc/passwd', (e) => done(e)),
  'subsystem sftp': (c, done) => c.sftp((e) => done(e)),
  'another subsystem': (c, done) => c.subsys('netconf', (e) => done(e)),
  'x11 forwarding': (c, done) => c.shell({ term: 'xterm', cols: 80, rows: 24 }, { x11: true }, (e) => done(e)),
  'agent forwarding': (c, done) => c.shell({ term: 'xterm', cols: 80, rows: 24 }, { agentForward: true } as never, (e) => done(e)),
  'local port forwarding (-L)': (c, done) => c.forwardOut('127.0.0.1', 5000, '127.0.0.1', 22, (e) => done(e)),
  'remote port forwarding (-R)': (c, done) => c.forwardIn('127.0.0.1', 0, (e) => done(e)),
  'unix socket forwarding': (c, done) => c.openssh_forwardOutStreamLocal('/var/run/docker.sock', (e) => done(e)),
};

describe('a login gets the app and nothing else', () => {
  it.each(Object.keys(requests))('refuses %s', async (name) => {
    const { port } = await start();
    const s = track(await SshScreen.login(port));
    await s.waitFor('Pick a design');
    // Asked on the connection that already has its shell, and on a fresh one with none.
    expect(await refusal((done) => requests[name]?.(s.client, done))).toBeInstanceOf(Error);
    const fresh = track(await SshScreen.login(port));
    expect(await refusal((done) => requests[name]?.(fresh.client, done))).toBeInstanceOf(Error);
    // The sessions carry on.
    await s.press('2');
    await s.waitFor('secured');
  });

  it("accepts only the allow-listed environment variables, logs the others, and colours by the client's terminal", async () => {
    const { port, log } = await start();
    const coloured = new RegExp(`${String.fromCharCode(27)}\\[(\\d+;)*3[1-6]m`);
    const design = async (options: Parameters<typeof SshScreen.login>[1]) => {
      const s = track(await SshScreen.login(port, options));
      await s.waitFor('Pick a design');
      await s.press('1');
      await s.waitFor('Distributed web infrastructure');
      return s.raw;
    };
    expect(await design({})).toMatch(coloured);
    expect(await design({ env: { LANG: 'C.UTF-8', LD_PRELOAD: '/tmp/x.so', NO_COLOR: '1' } })).not.toMatch(coloured);
    expect(await design({ term: 'dumb' })).not.toMatch(coloured);
    expect(log).toContain('session #2 refused env LD_PRELOAD');
    expect(log.some((l) => l.includes('refused env LANG') || l.includes('refused env NO_COLOR'))).toBe(false);
  });

  it('tells a login without a terminal to ask for one, and ends it', async () => {
    const { port } = await start();
    const s = await new Promise<string>((resolve, reject) => {
      void import('ssh2').then(({ Client }) => {
        const client = new Client();
        client.on('error', reject);
        client.on('ready', () =>
          client.shell(false, (error, channel) => {
            if (error) return reject(error);
            let text = '';
            channel.on('data', (d: Buffer) => (text += d.toString()));
            channel.on('close', () => resolve(text));
          }),
        );
        client.connect({ host: '127.0.0.1', port, username: 'class', hostVerifier: () => true });
      });
    });
    expect(s).toBe('infra-tui serve needs a terminal: log in with ssh -t\r\n');
  });

  it('closes a connection that speaks no SSH, and one that says nothing at the handshake time-out, and only those', async () => {
    const { port, log } = await start({ limits: { handshakeMs: 1000 } });
    const s = track(await SshScreen.login(port));
    await s.waitFor('Pick a design');
    const connect = (text: string) => {
      const socket = new Socket();
      const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
      socket.on('error', () => undefined);
      socket.resume();
      socket.connect(port, '127.0.0.1', () => socket.write(text));
      return closed;
    };
    await Promise.all([connect('GET / HTTP/1.1\r\nHost: x\r\n\r\n\x00\xff'.repeat(50)), connect('')]);
    await expect.poll(() => log.filter((l) => l.startsWith('disconnect')).sort()).toEqual([
      expect.stringMatching(/^disconnect #\d 127\.0\.0\.1 after \d+ms: connection closed$/),
      expect.stringMatching(/^disconnect #\d 127\.0\.0\.1 after .*s: handshake time-out$/),
    ]);
    await s.press('1');
    await s.waitFor('Distributed web infrastructure');
  });
});
