import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinIdOf, unknownTopologyMessage } from './builtin-ids.js';
import { TopologyError } from './errors.js';
import { loadBuiltin } from './load-builtins.js';
import { inert } from './plain-text.js';
import { loadFileText } from './load-file-text.js';
import type { Topology } from './types.js';

/** The text of a regular file, refusing before reading one that is too large, and one not UTF-8. */
export function readTopologyFile(path: string, shown: string): string {
  const bytes = loadFileText(path, shown);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const at = text.indexOf('\uFFFD');
    const line = text.slice(0, at).split('\n').length;
    const col = at - text.lastIndexOf('\n', at - 1);
    throw new TopologyError([inert(`${shown}:${line}:${col}: not UTF-8 text: the file looks binary, not a YAML text file`)]);
  }
}

/** True when `arg` is written like a path (a folder part or a YAML extension). */
const looksLikePath = (arg: string) => /[/\\]/.test(arg) || /\.ya?ml$/i.test(arg);

/**
 * The topology a command-line argument names: a built-in number (0-4), a built-in id, or the
 * path of a YAML file (relative to `cwd`). Messages name the file as the user typed it.
 * Rejects with `TopologyError`: one line for an unknown name or an unreadable file, every
 * problem of a broken file otherwise. The parser (YAML and the schema) is loaded only when a
 * file is read, so starting on a built-in design never pays for it.
 */
export async function loadTopology(arg: string, cwd: string): Promise<Topology> {
  if (builtinIdOf(arg) !== undefined) return loadBuiltin(arg);
  const path = resolve(cwd, arg);
  if (!looksLikePath(arg)) {
    let exists = false;
    try {
      // Whatever it is (a FIFO, a folder...), reading it says what is wrong with it.
      exists = Boolean(statSync(path));
    } catch {
      // Nothing there either: the argument names nothing.
    }
    if (!exists) throw new TopologyError([unknownTopologyMessage(arg)]);
  }
  const text = readTopologyFile(path, arg);
  const { parseTopology } = await import('./parse-topology.js');
  return parseTopology(text, arg);
}
