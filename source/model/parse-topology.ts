import { checkReferences } from './check-references.js';
import { checkRules } from './check-rules.js';
import { TopologyError } from './errors.js';
import { indexFile } from './file-index.js';
import { normalize } from './normalize.js';
import { formatProblems } from './problems.js';
import { readYaml } from './read-yaml.js';
import { schemaProblems } from './schema-issues.js';
import type { Topology } from './types.js';

/**
 * Turns the text of a topology file into a normalized `Topology`.
 *
 * Guaranteed on return: the file matched the schema, every reference names an existing id of
 * the right kind, the semantic rules hold, and every default is filled in. Otherwise throws a
 * `TopologyError` whose problems are one line each, `file:line:col path: message`, sorted by
 * position: all schema problems at once, or (when the shape is right) all semantic ones at once.
 * `file` is only used to name the file in messages.
 */
export function parseTopology(text: string, file: string): Topology {
  const source = readYaml(text, file);
  const checked = schemaProblems(source.data);
  if (!checked.ok) throw new TopologyError(formatProblems(file, checked.problems, source.positions));
  const index = indexFile(checked.value);
  const problems = [...checkReferences(checked.value, index), ...checkRules(checked.value, index)];
  if (problems.length > 0) throw new TopologyError(formatProblems(file, problems, source.positions));
  return normalize(checked.value);
}
