import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtinIdOf, builtinIds, unknownTopologyMessage } from './builtin-ids.js';
import { TopologyError } from './errors.js';
import { parseTopology } from './parse-topology.js';
import type { Topology } from './types.js';

/** A built-in design as `infra-tui list` shows it. */
export interface BuiltinEntry {
  readonly number: number;
  readonly id: string;
  /** Absolute path of its YAML file. */
  readonly file: string;
  readonly title: string;
  readonly summary: string;
}

// The folder does not move while the program runs: look for it once.
let cachedDir: string | undefined;

/**
 * The `topologies/` folder shipped with the package. Found by walking up from this module, which
 * is `source/model/` under the tests and `dist/` once bundled; both sit below the package root.
 */
function topologiesDir(): string {
  if (cachedDir !== undefined) return cachedDir;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'topologies');
    if (existsSync(join(candidate, `0-${builtinIds[0]}.yaml`))) {
      cachedDir = candidate;
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new TopologyError([`infra-tui: the built-in topologies folder was not found above ${fileURLToPath(import.meta.url)}`]);
    dir = parent;
  }
}

/** A folder shipped beside `topologies/` in the package (`scenarios`). */
export function shippedFolder(name: string): string {
  return join(dirname(topologiesDir()), name);
}

/**
 * The built-ins, already parsed and normalized by the build (`scripts/build.js`), so the bundled
 * CLI starts without parsing YAML or running the schema. Absent under the tests, which parse the
 * files themselves.
 */
declare const INFRA_TUI_BUILTINS: Readonly<Record<string, Topology>> | undefined;
const prebuilt = typeof INFRA_TUI_BUILTINS === 'undefined' ? undefined : INFRA_TUI_BUILTINS;

// Built-in files never change while the program runs; parse each once.
const cache = new Map<string, Topology>(Object.entries(prebuilt ?? {}));

function load(number: number): Topology {
  const id = builtinIds[number] ?? '';
  const hit = cache.get(id);
  if (hit) return hit;
  const dir = topologiesDir();
  const path = join(dir, `${number}-${id}.yaml`);
  // Messages name the file as it sits in the package (`topologies/1-distributed.yaml`).
  const shown = relative(dirname(dir), path);
  const topology = parseTopology(readFileSync(path, 'utf8'), shown);
  cache.set(id, topology);
  return topology;
}

/**
 * The built-in topology named by a number (`"1"`) or an id (`"distributed"`). Throws a
 * `TopologyError` with one line when the argument names none, or with the file's problems if a
 * built-in file is broken.
 */
export function loadBuiltin(idOrNumber: string): Topology {
  const id = builtinIdOf(idOrNumber);
  if (id === undefined) throw new TopologyError([unknownTopologyMessage(idOrNumber)]);
  return load(builtinIds.indexOf(id));
}

/** Every built-in design in number order, with the title and summary from its file. */
export function builtins(): readonly BuiltinEntry[] {
  const dir = topologiesDir();
  return builtinIds.map((id, number) => {
    const topology = load(number);
    return { number, id, file: join(dir, `${number}-${id}.yaml`), title: topology.title, summary: topology.summary };
  });
}
