import { checkReferences } from './check-references.js';
import { checkRules } from './check-rules.js';
import { indexFile } from './file-index.js';
import { normalize } from './normalize.js';
import type { Problem } from './problems.js';
import { schemaProblems } from './schema-issues.js';
import type { Topology } from './types.js';

export type Checked = { readonly ok: true; readonly topology: Topology } | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * The normalized topology of a file's plain data, or why it is not one: every schema problem,
 * or (when the shape is right) every broken reference and semantic rule. Pure: the same data
 * always gives the same answer, whichever reader produced it.
 */
export function checkData(data: Record<string, unknown>): Checked {
  const checked = schemaProblems(data);
  if (!checked.ok) return checked;
  const index = indexFile(checked.value);
  const problems = [...checkReferences(checked.value, index), ...checkRules(checked.value, index)];
  return problems.length > 0 ? { ok: false, problems } : { ok: true, topology: normalize(checked.value) };
}
