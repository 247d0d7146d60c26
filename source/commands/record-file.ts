import { statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { builtinIdOf } from '../model/builtin-ids.js';
import type { AppEnv } from '../ui/app-context.js';
import type { NameDesign, Recording } from '../ui/state/recorder.js';
import { UsageError, type Io } from './context.js';

/** Where `--record` writes, and how it names the designs opened (files relative to the scenario, so it plays from anywhere). */
export interface RecordTarget {
  readonly path: string;
  /** The app's designs, each file remembered by the id of what it held. */
  readonly env: AppEnv;
  readonly name: NameDesign;
  /** Notes where a design opened outside the app's own loading (the command line's argument) came from. */
  readonly remember: (arg: string, id: string) => void;
  /** Writes the scenario; one line on stderr and false when it cannot. */
  readonly save: (recording: Recording | undefined, io: Io) => boolean;
}

/**
 * Prepares `--record FILE`: refused at once (a usage error) when its folder does not exist, so
 * nobody records a session that cannot be saved.
 */
export function recordTarget(file: string, io: Io, env: AppEnv): RecordTarget {
  const path = resolve(io.cwd, file);
  let folder = false;
  try {
    folder = statSync(dirname(path)).isDirectory();
  } catch {
    // Reported below.
  }
  if (!folder) throw new UsageError(`--record: the folder of ${file} does not exist`);
  const files = new Map<string, string>();
  const remember = (arg: string, id: string) => {
    if (builtinIdOf(arg) === undefined) files.set(id, relative(dirname(path), resolve(io.cwd, arg)));
  };
  const loadTopology: AppEnv['loadTopology'] = (arg) => {
    const loaded = env.loadTopology(arg);
    if (loaded instanceof Promise) return loaded.then((t) => (remember(arg, t.id), t));
    remember(arg, loaded.id);
    return loaded;
  };
  return {
    path,
    env: { ...env, loadTopology },
    name: (id) => files.get(id) ?? id,
    remember,
    save: (recording, out) => {
      const text = recording?.text({ columns: out.columns ?? 80, rows: out.rows ?? 24 });
      if (text === undefined) {
        out.stderr(`infra-tui: nothing recorded (no design was opened), ${file} not written\n`);
        return false;
      }
      try {
        writeFileSync(path, text);
        return true;
      } catch (error) {
        out.stderr(`infra-tui: --record: cannot write ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
        return false;
      }
    },
  };
}
