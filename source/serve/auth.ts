import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import ssh2, { type AuthContext, type ParsedKey, type PublicKeyAuthContext } from 'ssh2';

export type AuthMode = 'none' | 'password' | 'keys';
export const authModes: readonly AuthMode[] = ['none', 'password', 'keys'];

/** Who a login is: a student, or the presenter (with `--presenter`, the user `presenter`). */
export type Role = 'student' | 'presenter';

/** The user name the presenter logs in as. */
const PRESENTER_USER = 'presenter';

export interface AuthConfig {
  readonly mode: AuthMode;
  /** `--password-file`'s password (mode `password`). */
  readonly password?: string;
  /** `--authorized-keys`'s keys (mode `keys`). */
  readonly keys: readonly ParsedKey[];
  /** Whether there is a presenter at all (`--presenter`). */
  readonly presenter: boolean;
  /** `--presenter-key`: the presenter proves who they are with this key, else with the one-time code. */
  readonly presenterKey: ParsedKey | undefined;
  /** The one-time code in force, and what to do once it has been used (make the next). */
  readonly code: () => string;
  readonly codeUsed: () => void;
}

const sameSecret = (a: string, b: string) => timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());

/** A six-digit code, for the presenter to type once. */
export function newPresenterCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}

/** The keys of an OpenSSH authorized_keys file (options before a key are skipped); one line per problem. */
export function parseAuthorizedKeys(text: string, file: string): ParsedKey[] {
  const keys: ParsedKey[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const start = line.search(/(^|\s)(ssh-|ecdsa-sha2-|sk-)/);
    const parsed = ssh2.utils.parseKey(line.slice(Math.max(0, start)).trim());
    if (parsed instanceof Error || Array.isArray(parsed)) throw new Error(`${file}:${index + 1}: not a public key ssh2 can read`);
    keys.push(parsed);
  });
  if (keys.length === 0) throw new Error(`${file}: no public key in it`);
  return keys;
}

/** Whether a publickey request is for `key`; with a signature, whether it is that key's. */
function keyProven(ctx: PublicKeyAuthContext, key: ParsedKey): 'no' | 'offered' | 'proven' {
  if (ctx.key.algo !== key.type || !ctx.key.data.equals(key.getPublicSSH())) return 'no';
  if (!ctx.signature || !ctx.blob) return 'offered';
  return key.verify(ctx.blob, ctx.signature, ctx.hashAlgo) === true ? 'proven' : 'no';
}

/** A secret asked for by password or keyboard-interactive; `check` decides. */
function secret(ctx: AuthContext, prompt: string, check: (answer: string) => boolean, accept: () => void): void {
  if (ctx.method === 'password') return check(ctx.password) ? accept() : ctx.reject();
  if (ctx.method === 'keyboard-interactive') {
    return ctx.prompt([{ prompt, echo: false }], (answers) => (answers.length === 1 && check(answers[0] ?? '') ? accept() : ctx.reject()));
  }
  ctx.reject(['keyboard-interactive', 'password']);
}

function byKey(ctx: AuthContext, keys: readonly ParsedKey[], accept: () => void): void {
  if (ctx.method !== 'publickey') return ctx.reject(['publickey']);
  const results = keys.map((key) => keyProven(ctx, key));
  if (results.includes('proven')) return accept();
  return results.includes('offered') ? ctx.accept() : ctx.reject(['publickey']);
}

/**
 * Answers one authentication request. A student gets in as `--auth` says (anyone, the password,
 * or an authorized key); the presenter (user `presenter`, with `--presenter`) by the presenter key
 * or, without one, by the one-time code printed on the server's console, which then changes.
 * `onAccepted` hears the role just before the login succeeds.
 */
export function authenticate(config: AuthConfig, ctx: AuthContext, onAccepted: (role: Role) => void): void {
  const as = (role: Role) => () => {
    onAccepted(role);
    ctx.accept();
  };
  if (config.presenter && ctx.username === PRESENTER_USER) {
    if (config.presenterKey) return byKey(ctx, [config.presenterKey], as('presenter'));
    return secret(ctx, 'Presenter code: ', (answer) => sameSecret(answer.trim(), config.code()), () => {
      config.codeUsed();
      as('presenter')();
    });
  }
  switch (config.mode) {
    case 'none':
      return as('student')();
    case 'password':
      return secret(ctx, 'Password: ', (answer) => config.password !== undefined && sameSecret(answer, config.password), as('student'));
    case 'keys':
      return byKey(ctx, config.keys, as('student'));
  }
}
