import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import ssh2 from 'ssh2';

export interface HostKey {
  /** The private key, in OpenSSH's format, as ssh2's server takes it. */
  readonly key: Buffer;
  /** `SHA256:...`, as `ssh` shows it when it first meets the server. */
  readonly fingerprint: string;
  readonly file: string;
  /** Whether it was made just now. */
  readonly created: boolean;
}

/** Where the host key is kept without `--host-key`: the user's configuration folder. */
export function defaultHostKeyFile(env: Readonly<Record<string, string | undefined>>): string {
  const config = env['XDG_CONFIG_HOME'] || join(homedir(), '.config');
  return join(config, 'infra-tui', 'ssh_host_ed25519_key');
}

/** OpenSSH's fingerprint of a public key blob: SHA-256, base64 without padding. */
function fingerprintOf(publicBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(publicBlob).digest('base64').replace(/=+$/, '')}`;
}

/**
 * The server's host key from `file`, made (ed25519, by ssh2's own generator: it writes the
 * OpenSSH format ssh2 reads back) with mode 0600 when there is none. Like sshd, a key file that
 * others may read is refused: its key is no longer secret. Throws an Error of one line.
 */
export function loadHostKey(file: string): HostKey {
  let created = false;
  let stat = statOrUndefined(file);
  if (!stat) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    // 'wx': never overwrite a key another server made meanwhile.
    writeFileSync(file, readableKeyPair(), { mode: 0o600, flag: 'wx' });
    created = true;
    stat = statSync(file);
  }
  if (!stat.isFile()) throw new Error(`${file}: the host key must be a regular file`);
  if ((stat.mode & 0o077) !== 0) throw new Error(`${file}: the host key may be read by others (mode ${(stat.mode & 0o777).toString(8)}); chmod 600 it`);
  const key = readFileSync(file);
  const parsed = ssh2.utils.parseKey(key);
  if (parsed instanceof Error || Array.isArray(parsed)) throw new Error(`${file}: not a private key ssh2 can read${parsed instanceof Error ? ` (${parsed.message})` : ''}`);
  return { key, fingerprint: fingerprintOf(parsed.getPublicSSH()), file, created };
}

/**
 * A new ed25519 private key that ssh2 reads back. ssh2 1.17.0's generator drops the leading zero
 * bytes of a public key, so about one key in 256 (those whose public key starts with 0x00) comes
 * out malformed (mscdex/ssh2#1513): such a key is drawn again. Twenty draws all failing is
 * chance below 10⁻⁴⁸.
 */
function readableKeyPair(): string {
  for (let draw = 0; draw < 20; draw++) {
    const pair = ssh2.utils.generateKeyPairSync('ed25519');
    const parsed = ssh2.utils.parseKey(pair.private);
    if (!(parsed instanceof Error) && !Array.isArray(parsed) && !(ssh2.utils.parseKey(pair.public) instanceof Error)) return pair.private;
  }
  throw new Error('could not make an ed25519 host key ssh2 reads back');
}

function statOrUndefined(file: string) {
  try {
    return statSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${file}: ${(error as Error).message}`);
  }
}
