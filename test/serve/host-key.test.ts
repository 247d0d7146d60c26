import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadHostKey } from '../../source/serve/host-key.js';
import { CLI } from '../e2e/pty-session.js';

const dir = () => mkdtempSync(join(tmpdir(), 'infra-tui-host-key-'));

describe('the host key', () => {
  it('is made once, ed25519 with mode 0600 in a folder of its own, and kept', () => {
    const file = join(dir(), 'nested', 'ssh_host_ed25519_key');
    const made = loadHostKey(file);
    expect(made.created).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----/);
    expect(made.fingerprint).toMatch(/^SHA256:[A-Za-z0-9+/]{43}$/);
    const again = loadHostKey(file);
    expect(again).toMatchObject({ created: false, fingerprint: made.fingerprint });
  });

  it('is one ssh2 reads back, every time (its generator alone fails about once in 256 keys)', () => {
    const folder = dir();
    for (let i = 0; i < 1500; i++) expect(loadHostKey(join(folder, `key-${i}`)).created).toBe(true);
  });

  it('is refused when others may read it, or when it is no key', () => {
    const file = join(dir(), 'key');
    loadHostKey(file);
    chmodSync(file, 0o644);
    expect(() => loadHostKey(file)).toThrow(/may be read by others \(mode 644\); chmod 600 it/);
    const junk = join(dir(), 'junk');
    writeFileSync(junk, 'not a key', { mode: 0o600 });
    expect(() => loadHostKey(junk)).toThrow(/not a private key/);
  });
});

describe('serve refuses bad flags in one line, exit 2', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'serve', '--host-key', join(dir(), 'k'), ...args], { encoding: 'utf8', timeout: 10_000 });
  it.each([
    [['--auth', 'kerberos'], 'infra-tui: --auth must be one of none, password, keys, not kerberos\n'],
    [['--auth', 'password'], 'infra-tui: --auth password needs --password-file FILE (the password on its first line)\n'],
    [['--idle', '5'], 'infra-tui: --idle: "5" is not a duration: a bare number needs a unit (5s?); write a number and a unit, e.g. 500ms, 3s, 2m or 1h\n'],
    [['--port', '70000'], 'infra-tui: --port must be a whole number from 0 to 65535, not 70000\n'],
    [['--max-sessions', 'many'], 'infra-tui: --max-sessions needs a number\n'],
    [['--auth', 'keys', '--authorized-keys', '/nonexistent/keys'], 'infra-tui: --authorized-keys /nonexistent/keys: no such file\n'],
    [['extra'], 'infra-tui: serve takes no argument, only flags (infra-tui --help lists them)\n'],
    [['--record', 'lesson.yaml'], 'infra-tui: serve does not take --record: it is for the app (infra-tui --help)\n'],
  ])('%j', (args, message) => {
    const result = run(...args);
    expect(result.stderr).toBe(message);
    expect(result.status).toBe(2);
  });
});
