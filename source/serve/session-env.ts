import { WriteStream } from 'node:tty';
import { builtinIdOf } from '../model/builtin-ids.js';
import { builtins, loadBuiltin } from '../model/load-builtins.js';
import type { AppEnv } from '../ui/app-context.js';
import type { Look } from './follower-groups.js';

/**
 * The environment variables a client may set (`env` requests), as OpenSSH's `AcceptEnv` would
 * list them: the locale and the colour preferences. TERM comes with the pty request.
 */
const acceptedEnv = /^(LANG|LC_[A-Z]+|COLORTERM|NO_COLOR|TERM_PROGRAM)$/;

export function acceptsEnv(name: string): boolean {
  return acceptedEnv.test(name);
}

/** Whether a terminal with this environment shows only 7-bit ASCII (the command line's own test). */
export type AsciiOnly = (env: Readonly<Record<string, string | undefined>>) => boolean;

/**
 * How a session's screen looks, from what its client said (TERM, the locale, COLORTERM,
 * NO_COLOR), decided as for the command line on a terminal with that environment: colour when
 * Node's own reading of it finds more than one bit of colour (the app uses only the 8 basic
 * colours, so any colour terminal shows them all), ASCII as `asciiOnly` decides.
 */
export function sessionLook(env: Readonly<Record<string, string>>, asciiOnly: AsciiOnly): Look {
  const noColor = env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '';
  const depth = WriteStream.prototype.getColorDepth.call(undefined, { ...env, NO_COLOR: undefined } as NodeJS.ProcessEnv);
  return { color: !noColor && depth > 1, ascii: asciiOnly(env) };
}

/** What a session says when a file is asked for. */
const NO_FILES = 'a classroom session opens only the built-in designs (0-4 or their ids): no files on the server';

/** The app's effects in a session: the built-in designs only, and no file system at all. */
export const sessionEnv: AppEnv = {
  loadTopology: (name) => {
    if (builtinIdOf(name) === undefined) throw new Error(NO_FILES);
    return loadBuiltin(name);
  },
  designs: builtins,
  fileAccess: false,
};
