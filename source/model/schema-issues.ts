import * as z from 'zod';
import { topologyFileSchema, type TopologyFile } from './file-schema.js';
import { describeValue, quote } from './plain-text.js';
import type { Problem } from './problems.js';
import { didYouMean, nearest } from './suggest.js';

type RawIssue = z.core.$ZodRawIssue;

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping (key: value lines)',
};

const shapeKeys = (issue: RawIssue): string[] => {
  const def = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def;
  return Object.keys(def?.shape ?? {});
};

const list = (values: readonly unknown[]) => values.map(String).join(', ');

/** One line per unknown key, in the order zod lists them (split again in `schemaProblems`). */
function unknownKeys(issue: RawIssue & { keys: string[] }): string {
  const allowed = shapeKeys(issue);
  return issue.keys
    .map((key) => `unknown key ${quote(key)}${didYouMean(key, allowed)}; allowed keys: ${list(allowed)}`)
    .join('\n');
}

/** Messages that say what was expected and what was found, for the issues the schema leaves generic. */
function message(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `missing required key; expected ${typeNames[issue.expected] ?? issue.expected}`;
      return `expected ${typeNames[issue.expected] ?? issue.expected}, found ${describeValue(issue.input)}`;
    case 'invalid_value':
      return issue.values.length === 1
        ? `expected ${String(issue.values[0])}, found ${describeValue(issue.input)}`
        : `expected one of ${list(issue.values)}, found ${describeValue(issue.input)}${typeof issue.input === 'string' ? didYouMean(issue.input, issue.values.map(String)) : ''}`;
    case 'invalid_union': {
      if (issue.discriminator === undefined) return undefined;
      const options = ((issue.options ?? []) as readonly unknown[]).map(String);
      const found = (issue.input as Record<string, unknown> | undefined)?.[issue.discriminator];
      if (found === undefined) return `missing ${issue.discriminator}; expected one of ${list(options)}`;
      const hint = typeof found === 'string' ? didYouMean(found, options) : '';
      return `unknown ${issue.discriminator} ${describeValue(found)}${hint}; expected one of ${list(options)}`;
    }
    case 'unrecognized_keys':
      return unknownKeys(issue);
    case 'too_small':
      if (issue.origin === 'array') return `expected at least ${String(issue.minimum)} item(s), found ${String((issue.input as unknown[]).length)}`;
      return `must be at least ${String(issue.minimum)}, found ${describeValue(issue.input)}`;
    case 'too_big':
      if (issue.origin === 'array') return `expected at most ${String(issue.maximum)} item(s)`;
      return `must be at most ${String(issue.maximum)}, found ${describeValue(issue.input)}`;
    default:
      return undefined;
  }
}

export type SchemaResult<T = TopologyFile> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };

const missing = 'missing required key';

/** `missing required key "domain"; expected text`: the message names the key it lacks. */
function nameMissingKey(problem: Problem): Problem {
  const key = problem.path[problem.path.length - 1];
  if (!problem.message.startsWith(missing) || typeof key !== 'string') return problem;
  return { ...problem, message: `${missing} ${quote(key)}${problem.message.slice(missing.length)}` };
}

/** A missing key that an unknown key beside it misspells is reported once, as the typo. */
function isExplainedByTypo(problem: Problem, typos: readonly Problem[]): boolean {
  const key = problem.path[problem.path.length - 1];
  if (!problem.message.startsWith(missing) || typeof key !== 'string') return false;
  const parent = problem.path.slice(0, -1).join('.');
  return typos.some((typo) => typo.path.slice(0, -1).join('.') === parent && nearest(String(typo.path[typo.path.length - 1]), [key]) === key);
}

/** Validates parsed YAML against the topology file schema (see `checkSchema`). */
export function schemaProblems(data: unknown): SchemaResult {
  return checkSchema(topologyFileSchema, data);
}

/**
 * Validates parsed YAML against a file schema. On failure, returns every issue as a problem
 * with the path it concerns, in the words of `message`; an unknown key becomes one problem per
 * key, placed on the key.
 */
export function checkSchema<T>(schema: z.ZodType<T>, data: unknown): SchemaResult<T> {
  const result = schema.safeParse(data, { error: message });
  if (result.success) return { ok: true, value: result.data };
  const typos: Problem[] = [];
  const others: Problem[] = [];
  for (const issue of result.error.issues) {
    if (issue.code !== 'unrecognized_keys') {
      others.push({ path: issue.path, message: issue.message });
      continue;
    }
    const lines = issue.message.split('\n');
    issue.keys.forEach((key, index) => typos.push({ path: [...issue.path, key], message: lines[index] ?? issue.message, at: 'key' }));
  }
  const problems = [...typos, ...others.filter((p) => !isExplainedByTypo(p, typos)).map(nameMissingKey)];
  return { ok: false, problems };
}
