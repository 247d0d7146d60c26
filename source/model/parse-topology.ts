import { checkData } from './check-data.js';
import { TopologyError } from './errors.js';
import { plainYaml } from './plain-yaml.js';
import { formatProblems } from './problems.js';
import { readYaml } from './read-yaml.js';
import type { Topology } from './types.js';

/**
 * Turns the text of a topology file into a normalized `Topology`.
 *
 * Guaranteed on return: the file matched the schema, every reference names an existing id of
 * the right kind, the semantic rules hold, and every default is filled in. Otherwise throws a
 * `TopologyError` whose problems are one line each, `file:line:col path: message`, sorted by
 * position: all schema problems at once, or (when the shape is right) all semantic ones at once.
 * `file` is only used to name the file in messages.
 *
 * A good file is read the quick way (`plainYaml`); a file that is not, or that has any problem,
 * is read again by the full reader, whose node tree places each problem in the text, so the
 * outcome is always the full reader's.
 */
export function parseTopology(text: string, file: string): Topology {
  const quick = plainYaml(text);
  const fast = quick === undefined ? undefined : checkData(quick);
  if (fast?.ok) return fast.topology;
  const source = readYaml(text, file);
  const checked = checkData(source.data);
  if (!checked.ok) throw new TopologyError(formatProblems(file, checked.problems, source.positions));
  return checked.topology;
}
