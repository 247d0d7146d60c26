import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { builtinIdOf } from '../model/builtin-ids.js';
import { TopologyError } from '../model/errors.js';
import { loadBuiltin, shippedFolder } from '../model/load-builtins.js';
import { loadTopology, readTopologyFile } from '../model/load-topology.js';
import type { Topology } from '../model/types.js';
import { parseScenario, type Scenario } from '../scenario/index.js';
import type { BuiltinScenario } from '../ui/app-context.js';
import { scenarioChecker } from '../ui/state/check-scenario.js';

/** A scenario ready to play: its steps and every design it opens, read beforehand. */
export interface LoadedScenario {
  readonly scenario: Scenario;
  readonly designs: Readonly<Record<string, Topology>>;
}

/** The built-in scenarios by name (their file names without `.yaml`), in order. */
export function builtinScenarios(): readonly string[] {
  try {
    return readdirSync(shippedFolder('scenarios'))
      .filter((f) => f.endsWith('.yaml'))
      .map((f) => f.slice(0, -'.yaml'.length))
      .sort();
  } catch {
    return [];
  }
}

/** A design a scenario names: a built-in, or a file relative to the scenario's folder. */
async function design(arg: string, folder: string): Promise<Topology> {
  return builtinIdOf(arg) === undefined ? loadTopology(arg, folder) : loadBuiltin(arg);
}

/**
 * The scenario a command-line argument names: a built-in scenario's name or a file path
 * (relative to `cwd`). Rejects with a `TopologyError` of one line per problem, each
 * `file:line:col path: message`, for a file that cannot be read, does not match the format, or
 * whose steps the app would not take.
 */
export async function loadScenario(arg: string, cwd: string): Promise<LoadedScenario> {
  const builtin = builtinScenarios().includes(arg);
  const path = builtin ? join(shippedFolder('scenarios'), `${arg}.yaml`) : resolve(cwd, arg);
  if (!builtin && !/\.ya?ml$/i.test(arg)) {
    throw new TopologyError([`no scenario "${arg}": give a .yaml file or one of ${builtinScenarios().join(', ')}`]);
  }
  const shown = builtin ? `scenarios/${arg}.yaml` : arg;
  const text = readTopologyFile(path, shown);
  const folder = dirname(path);
  // The design is read first (a scenario is checked against its names): the header alone says which.
  const head = parseScenario(text, shown);
  let main: Topology;
  try {
    main = await design(head.topology, folder);
  } catch (error) {
    if (!(error instanceof TopologyError)) throw error;
    const [first = '', ...more] = error.problems;
    const rest = more.length > 0 ? ` (and ${more.length} more: infra-tui validate lists them)` : '';
    // Throws: the problem placed on the scenario's `topology` line.
    parseScenario(text, shown, { topology: `${first}${rest}` });
    throw error;
  }
  const checker = scenarioChecker(main, head.seed);
  const scenario = parseScenario(text, shown, { step: checker.check });
  const designs: Record<string, Topology> = { [scenario.topology]: main };
  for (const arg of checker.gotos) designs[arg] ??= await design(arg, folder);
  return { scenario, designs };
}

/**
 * The built-in scenarios with the designs each opens, read when first asked for (the compare
 * screen's play key), then kept: they ship with the program. Only shipped files: nobody names one.
 */
export function builtinScenarioReader(cwd: string): () => Promise<readonly BuiltinScenario[]> {
  let scenarios: Promise<readonly BuiltinScenario[]> | undefined;
  return () => (scenarios ??= Promise.all(builtinScenarios().map(async (name) => ({ name, ...(await loadScenario(name, cwd)) }))));
}
