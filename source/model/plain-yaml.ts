import { FAILSAFE_SCHEMA, load, Type } from 'js-yaml';
import { precheck } from './read-yaml.js';

type Rule = readonly [test: RegExp, value: (s: string) => unknown];

/**
 * YAML 1.2's core schema for plain scalars, exactly as the full reader (the `yaml` package,
 * version 1.2, core schema) resolves them: the same patterns, the same values, by tag. Anything
 * else plain is text; quoted scalars are always text.
 */
const coreScalars: Readonly<Record<string, readonly Rule[]>> = {
  null: [[/^(?:~|[Nn]ull|NULL)?$/, () => null]],
  bool: [[/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/, (s) => s[0] === 't' || s[0] === 'T']],
  int: [
    [/^0o[0-7]+$/, (s) => parseInt(s.slice(2), 8)],
    [/^[-+]?[0-9]+$/, (s) => parseInt(s, 10)],
    [/^0x[0-9a-fA-F]+$/, (s) => parseInt(s.slice(2), 16)],
  ],
  float: [
    [/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/, (s) => (s.slice(-3).toLowerCase() === 'nan' ? NaN : s[0] === '-' ? -Infinity : Infinity)],
    [/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/, (s) => parseFloat(s)],
    [/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/, (s) => parseFloat(s)],
  ],
};

// One type per tag (js-yaml keeps only the last type it is given for a tag), trying only its own patterns.
const schema = FAILSAFE_SCHEMA.extend({
  implicit: Object.entries(coreScalars).map(
    ([tag, rules]) =>
      new Type(`tag:yaml.org,2002:${tag}`, {
        kind: 'scalar',
        resolve: (s) => rules.some(([test]) => test.test(s)),
        construct: (s) => rules.find(([test]) => test.test(s))?.[1](s),
      }),
  ),
});

/**
 * What the quick reader leaves to the full one, because only the full one checks it: tags (a
 * token starting with !), directives, complex keys, and keys that would reach an object's
 * prototype. Prose that merely looks like one of these costs only the slower read.
 */
const needsFullReader = /(?:^|[\s,[{])!|^%|^\s*\?(?:\s|$)|__proto__|constructor|prototype/m;

/** What may start an alias (or only looks like one, in prose). */
const aliasToken = /(?:^|[\s,[{])\*/g;
/**
 * Aliases the quick reader takes. The full reader refuses more than 20, and refuses a chain of
 * aliases whose uses multiply past 100; uses that add up to 12 multiply to at most 3·3·3·3 = 81,
 * so with 12 the full reader never refuses a file for its aliases and both readers agree.
 */
const maxAliases = 12;

/**
 * The plain data of a topology file read the quick way, or undefined when the quick way does not
 * apply: the text is refused by the checks that need no parse, uses a feature listed above, is
 * not valid YAML to this reader, or is not a mapping at the top level. Guaranteed: when it
 * returns data, the full reader (`readYaml`) returns the same data for the same text, or refuses
 * text this reader accepts (so callers keep the full reader's word on anything that is wrong,
 * with its line and column); this is why a caller may use the data only after it passed every
 * check. About five times faster than the full reader, which also builds the node tree with
 * positions that only messages need.
 */
export function plainYaml(text: string): Record<string, unknown> | undefined {
  if (precheck(text, '') !== undefined || needsFullReader.test(text) || (text.match(aliasToken)?.length ?? 0) > maxAliases) return undefined;
  let warned = false;
  try {
    const data = load(text, { schema, onWarning: () => (warned = true) });
    const mapping = typeof data === 'object' && data !== null && !Array.isArray(data);
    return mapping && !warned ? (data as Record<string, unknown>) : undefined;
  } catch {
    // The full reader says what is wrong, and where.
    return undefined;
  }
}
