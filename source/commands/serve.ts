import { readFileSync } from 'node:fs';
import { parseDuration } from '../grammar/duration.js';
import { InputError } from '../grammar/input-error.js';
import { UsageError, type Command, type Flags } from './context.js';
import { builtinScenarioReader } from './load-scenario.js';
import { asciiOnly } from './terminal-traits.js';

/** The longest `--idle` (a session lasts at most 4 hours anyway). */
const MAX_IDLE_MS = 4 * 3_600_000;

function readSecretFile(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`${what} ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
  }
}

function idleMs(flags: Flags, fallback: number): number {
  if (flags.idle === undefined) return fallback;
  try {
    return parseDuration(flags.idle, { min: 1, max: MAX_IDLE_MS });
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(`--idle: ${error.message}`);
    throw error;
  }
}

function wholeNumber(value: number | undefined, flag: string, min: number, max: number, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) throw new UsageError(`${flag} must be a whole number from ${min} to ${max}, not ${value}`);
  return value;
}

/**
 * `infra-tui serve`: the app over SSH for a classroom. Prints the host key's fingerprint and where
 * to connect, logs one line per connect and disconnect, and runs until SIGINT or SIGTERM, which
 * end every session with a word and exit 0.
 */
export const serveCommand: Command = async ({ args, flags, io }) => {
  if (args.length > 0) throw new UsageError(`serve takes no argument, only flags (infra-tui --help lists them)`);
  // Before anything imports Ink (see prepareProcessForSessions).
  const { prepareProcessForSessions } = await import('../serve/prepare-process.js');
  prepareProcessForSessions();
  // Loaded here, not at the top: the other commands never load ssh2, React or Ink.
  const { authModes, newPresenterCode, parseAuthorizedKeys } = await import('../serve/auth.js');
  const { defaultHostKeyFile, loadHostKey } = await import('../serve/host-key.js');
  const { serveLimits } = await import('../serve/serve-limits.js');
  const { startServer } = await import('../serve/ssh-server.js');

  const mode = flags.auth ?? 'none';
  if (!authModes.includes(mode as never)) throw new UsageError(`--auth must be one of ${authModes.join(', ')}, not ${mode}`);
  if (mode === 'password' && !flags.passwordFile) throw new UsageError('--auth password needs --password-file FILE (the password on its first line)');
  if (mode === 'keys' && !flags.authorizedKeys) throw new UsageError('--auth keys needs --authorized-keys FILE (OpenSSH authorized_keys format)');
  if (flags.presenterKey && !flags.presenter) throw new UsageError('--presenter-key is for --presenter');
  const password = flags.passwordFile ? readSecretFile(flags.passwordFile, '--password-file').split('\n')[0] : undefined;
  if (password === '') throw new UsageError(`--password-file ${flags.passwordFile}: the first line is empty`);
  const keyFile = (file: string, what: string) => {
    try {
      return parseAuthorizedKeys(readSecretFile(file, what), file);
    } catch (error) {
      throw error instanceof UsageError ? error : new UsageError(`${what} ${(error as Error).message}`);
    }
  };
  const keys = flags.authorizedKeys ? keyFile(flags.authorizedKeys, '--authorized-keys') : [];
  const presenterKey = flags.presenterKey ? keyFile(flags.presenterKey, '--presenter-key')[0] : undefined;
  let code = newPresenterCode();
  const showCode = () => io.stdout(`presenter: ssh -p ${server.port} presenter@<this host>, then type the one-time code ${code}\n`);

  let hostKey;
  try {
    hostKey = loadHostKey(flags.hostKey ?? defaultHostKeyFile(process.env));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const server = await startServer({
    port: wholeNumber(flags.port, '--port', 0, 65535, serveLimits.port),
    host: flags.host ?? serveLimits.host,
    limits: { maxSessions: wholeNumber(flags.maxSessions, '--max-sessions', 1, 1000, serveLimits.maxSessions), idleMs: idleMs(flags, serveLimits.idleMs) },
    hostKey: hostKey.key,
    auth: {
      mode: mode as 'none',
      password,
      keys,
      presenter: flags.presenter ?? false,
      presenterKey,
      code: () => code,
      codeUsed: () => {
        code = newPresenterCode();
        showCode();
      },
    },
    seed: flags.seed ?? 1,
    asciiOnly,
    builtinScenarios: builtinScenarioReader(process.cwd()),
    log: (line) => io.stdout(`${new Date().toISOString()} ${line}\n`),
  }).catch((error: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot listen on ${flags.host ?? serveLimits.host}:${flags.port ?? serveLimits.port}: ${error.code ?? error.message}`);
  });
  io.stdout(`${hostKey.created ? 'made a new host key' : 'host key'} ${hostKey.file}: ED25519 key fingerprint is ${hostKey.fingerprint}\n`);
  io.stdout(`listening on ${flags.host ?? serveLimits.host}:${server.port}: students run ssh -p ${server.port} class@<this host>\n`);
  if (flags.presenter && !presenterKey) showCode();
  return await new Promise<number>((resolve) => {
    let stopping = false;
    // The handlers stay installed while the sessions close: Ink's exit hook (signal-exit) sends
    // the signal again, killing the process, as soon as it is the signal's only listener.
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) return;
      stopping = true;
      io.stdout(`${signal}: closing every session\n`);
      void server.close('the server is stopping').then(() => resolve(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
};
