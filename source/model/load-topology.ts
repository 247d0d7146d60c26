import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { builtinIdOf, unknownTopologyMessage } from './builtin-ids.js';
import { TopologyError } from './errors.js';
import { loadBuiltin } from './load-builtins.js';
import { inert } from './plain-text.js';
import { maxFileBytes } from './limits.js';
import type { Topology } from './types.js';

const reasons: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'permission denied',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
};

function unreadable(shown: string, error: unknown): TopologyError {
  const code = (error as { code?: string }).code ?? '';
  const reason = reasons[code] ?? (error instanceof Error ? error.message : String(error));
  return new TopologyError([inert(`${shown}: cannot read the file: ${reason}`)]);
}

/** The text of a file, refusing before reading one that is too large or not UTF-8. */
export function readTopologyFile(path: string, shown: string): string {
  let bytes: Buffer;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    if (stat.size > maxFileBytes) {
      const mb = (Math.ceil((stat.size / maxFileBytes) * 10) / 10).toFixed(1);
      throw new TopologyError([inert(`${shown}:1:1: file is ${mb} MB; topology files are limited to 1 MB`)]);
    }
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof TopologyError) throw error;
    throw unreadable(shown, error);
  }
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
    let isFile = false;
    try {
      isFile = statSync(path).isFile();
    } catch {
      // Not a file either: the argument names nothing.
    }
    if (!isFile) throw new TopologyError([unknownTopologyMessage(arg)]);
  }
  const text = readTopologyFile(path, arg);
  const { parseTopology } = await import('./parse-topology.js');
  return parseTopology(text, arg);
}
