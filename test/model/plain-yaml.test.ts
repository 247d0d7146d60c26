import fc from 'fast-check';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { generatedYaml, type Shape } from '../../bench/generate-topology.js';
import { checkData } from '../../source/model/check-data.js';
import { TopologyError } from '../../source/model/errors.js';
import { parseTopology } from '../../source/model/parse-topology.js';
import { plainYaml } from '../../source/model/plain-yaml.js';
import { formatProblems } from '../../source/model/problems.js';
import { readYaml } from '../../source/model/read-yaml.js';
import { writeCorpus } from '../hostile/corpus.js';

/** What the loader made of a text: the topology, or its problem lines. */
function outcome(read: () => unknown): unknown {
  try {
    return { topology: read() };
  } catch (error) {
    if (error instanceof TopologyError) return { problems: error.problems };
    throw error;
  }
}

/** The oracle: the full reader alone, then the same checks, as the loader did before it had a quick reader. */
const fullReader = (text: string) =>
  outcome(() => {
    const source = readYaml(text, 'f.yaml');
    const checked = checkData(source.data);
    if (!checked.ok) throw new TopologyError(formatProblems('f.yaml', checked.problems, source.positions));
    return checked.topology;
  });

/** Nesting past the runtime's stack is reported where the stack ran out, which depends on the caller's depth. */
const tooDeep = (result: unknown) =>
  (result as { problems?: readonly string[] }).problems?.some((p) => p.includes('nests too deeply')) === true;

function sameAsFullReader(text: string): void {
  const expected = fullReader(text);
  const actual = outcome(() => parseTopology(text, 'f.yaml'));
  if (tooDeep(expected)) expect(tooDeep(actual)).toBe(true);
  else expect(actual).toEqual(expected);
}

const folder = (path: string) => readdirSync(path).map((name) => readFileSync(join(path, name), 'utf8'));

const corpusDir = mkdtempSync(join(tmpdir(), 'plain-yaml-'));
afterAll(() => rmSync(corpusDir, { recursive: true, force: true }));

describe('the quick reader of topology files', () => {
  it('reads the built-ins, generated topologies of every shape and the hostile and malformed files as the full reader does', () => {
    const shapes: Shape[] = ['tiered', 'wide', 'deep'];
    const generated = shapes.flatMap((shape) => [1, 2, 3].map((seed) => generatedYaml(shape, 40 + 60 * seed, seed)));
    const hostile = writeCorpus(corpusDir)
      .filter((f) => !f.special)
      .map((f) => readFileSync(join(corpusDir, f.name), 'utf8'));
    const texts = [...folder('topologies').filter((t) => t.startsWith('#') || t.includes('components:')), ...generated, ...hostile, ...folder('test/fixtures/malformed')];
    let quick = 0;
    for (const text of texts) {
      sameAsFullReader(text);
      if (plainYaml(text) !== undefined) quick++;
    }
    // The quick way really is taken for ordinary files, not only declined.
    expect(quick).toBeGreaterThanOrEqual(5 + generated.length);
  });

  it('returns exactly the full reader’s data whenever it returns any', () => {
    const scalar = fc.oneof(
      fc.string({ unit: fc.constantFrom(...'a1 :#-"\'|>{}[],&*!%@`~.eExo0nulTr\\\t\n\u00e9\u202e'.split('')), maxLength: 12 }),
      fc.constantFrom('null', '~', 'True', 'FALSE', '0o17', '0x1F', '+12', '-0', '1e3', '.5', '-.inf', '.NaN', '1_000', '0b11', 'yes', '2024-01-01', '012', '1.', '<<'),
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
    );
    const value = fc.letrec((tie) => ({
      node: fc.oneof({ depthSize: 'small' }, scalar, fc.array(tie('node')), fc.dictionary(fc.string({ maxLength: 6 }), tie('node'), { maxKeys: 4 })),
    })).node;
    const options = fc.record({
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED'),
      collectionStyle: fc.constantFrom('any', 'block', 'flow'),
      lineWidth: fc.constantFrom(0, 20, 80),
    } as const);
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 6 }), value, { minKeys: 1, maxKeys: 5 }), options, (data, style) => {
        // The same value twice: the writer gives it an anchor and an alias.
        const first = Object.values(data)[0];
        const text = stringify(typeof first === 'object' && first !== null ? { ...data, 'the same again': first } : data, style);
        const quick = plainYaml(text);
        if (quick !== undefined) expect(quick).toEqual(readYaml(text, 'f.yaml').data);
      }),
      { numRuns: 400, seed: 15 },
    );
  });

  it('leaves to the full reader, with the same outcome, a good file with any few characters spliced in', () => {
    const good = readFileSync('topologies/2-secured.yaml', 'utf8');
    const splice = fc.record({ at: fc.nat({ max: good.length }), cut: fc.nat({ max: 3 }), text: fc.string({ unit: fc.constantFrom(...' :\n-#"\'[]{}|>,&*!?%\t0aZ'.split('')), maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(splice, { minLength: 1, maxLength: 3 }), (splices) => {
        const text = splices.reduce((t, s) => t.slice(0, s.at) + s.text + t.slice(s.at + s.cut), good);
        sameAsFullReader(text);
      }),
      { numRuns: 150, seed: 15 },
    );
  });
});
