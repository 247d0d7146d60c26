import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { ptySessions } from '../e2e/pty-session.js';
import { requiresTool } from '../requires-tool.js';
import { SshScreen } from './ssh-screen.js';
import { startServeProcess, type ServeProcess } from './serve-cli.js';

const withSsh = requiresTool({ command: 'ssh', versionArgs: ['-V'], install: 'apt-get install openssh-client' });
const session = ptySessions();
const running: ServeProcess[] = [];
afterEach(() => {
  for (const s of running.splice(0)) s.child.kill('SIGKILL');
});
const serve = async (args: readonly string[] = []) => {
  const s = await startServeProcess(args);
  running.push(s);
  return s;
};
/** OpenSSH's client, told nothing of this machine's own configuration or known hosts. */
const sshArgs = (port: number) => ['-F', '/dev/null', '-o', 'StrictHostKeyChecking=no', '-o', 'UserKnownHostsFile=/dev/null', '-o', 'LogLevel=ERROR', '-p', String(port)];

describe('infra-tui serve with the real OpenSSH client', () => {
  withSsh('ssh -tt gets the app, and the host key is the one the server printed', async () => {
    const server = await serve();
    const key = statSync(server.hostKey);
    expect(key.mode & 0o777).toBe(0o600);
    const printed = /ED25519 key fingerprint is (SHA256:\S+)/.exec(server.output())?.[1];
    expect(spawnSync('ssh-keygen', ['-l', '-f', server.hostKey], { encoding: 'utf8' }).stdout).toContain(printed);
    const ssh = session({ command: 'ssh', args: ['-tt', ...sshArgs(server.port), 'class@127.0.0.1'], columns: 100, rows: 30 });
    await ssh.waitFor('Pick a design', 15_000);
    await ssh.press('4');
    await ssh.waitFor('high-availability');
    await ssh.press('q');
    expect(await ssh.exit()).toBe(0);
    expect(ssh.inAlternateScreen).toBe(false);
  }, 40_000);

  withSsh('ssh with a command runs nothing, and forwarding is refused', async () => {
    const server = await serve();
    const command = spawnSync('ssh', [...sshArgs(server.port), '-o', 'BatchMode=yes', 'class@127.0.0.1', 'cat /etc/passwd'], { encoding: 'utf8', timeout: 15_000 });
    expect(command.status).not.toBe(0);
    expect(command.stdout).not.toContain('root:');
    const forward = spawnSync('ssh', [...sshArgs(server.port), '-o', 'BatchMode=yes', '-o', 'ExitOnForwardFailure=yes', '-N', '-R', '0:127.0.0.1:22', 'class@127.0.0.1'], { encoding: 'utf8', timeout: 15_000 });
    expect(forward.status).not.toBe(0);
    expect(forward.stderr).toMatch(/forwarding failed/i);
  }, 40_000);

  it('closes every session with a word and exits 0 on SIGTERM', async () => {
    const server = await serve();
    const student = await SshScreen.login(server.port);
    await student.waitFor('Pick a design');
    server.child.kill('SIGTERM');
    await student.closed;
    await student.quiet();
    expect(student.screen()).toContain('infra-tui: the server is stopping');
    expect(await server.exited).toBe(0);
    expect(server.output()).toMatch(/disconnect #1 127\.0\.0\.1 after .*: the server is stopping/);
  }, 30_000);
});
