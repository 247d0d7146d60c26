import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { TopologyError } from '../../source/model/errors.js';
import { parseTopology } from '../../source/model/parse-topology.js';
import { unsafeTextReason } from '../../source/model/plain-text.js';

const base = {
  id: 'prop',
  title: 'Property',
  summary: 'A small valid design the properties vary.',
  domain: 'foobar.com',
  dns: [{ name: 'www.foobar.com', type: 'A', value: '8.8.8.8' }],
  hosts: [{ id: 'server-1', ip: '8.8.8.8' }],
  components: [
    { id: 'browser', kind: 'client' },
    { id: 'nginx-1', kind: 'web-server', host: 'server-1', upstream: ['app-1'] },
    { id: 'app-1', kind: 'app-server', host: 'server-1' },
  ],
};

/** Runs the loader; returns its problems, or [] when it accepted the text. Anything else thrown fails. */
function problems(text: string): readonly string[] {
  try {
    parseTopology(text, 'p.yaml');
    return [];
  } catch (error) {
    if (error instanceof TopologyError) return error.problems;
    throw error;
  }
}

// Characters a terminal would act on: none may reach it through a message.
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const terminalControl = /[\u0000-\u001f\u007f-\u009f]/;

const yamlish = fc
  .array(fc.constantFrom('id: x\n', 'components:\n', '  - ', '{ ', '}', '[', ']', ': ', 'kind: ', 'client', '&a ', '*a', '"\\e"', '\t', '#', '\n', '---\n', 'x'), { maxLength: 40 })
  .map((parts) => parts.join(''));

describe('parseTopology on any input', () => {
  it('either accepts the text or throws a TopologyError of safe one-line problems', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), yamlish), (text) => {
        for (const problem of problems(text)) {
          expect(problem.startsWith('p.yaml:')).toBe(true);
          expect(terminalControl.test(problem), JSON.stringify(problem)).toBe(false);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('accepts a label exactly when it is plain text, and keeps it as written', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), (label) => {
        const file = { ...base, components: [{ id: 'browser', kind: 'client', label }, ...base.components.slice(1)] };
        const found = problems(stringify(file));
        if (unsafeTextReason(label, false) === undefined) {
          expect(found).toEqual([]);
          expect(parseTopology(stringify(file), 'p.yaml').components[0]?.label).toBe(label);
        } else {
          expect(found).toEqual([expect.stringMatching(/^p\.yaml:\d+:\d+ components\[0\]\.label: contains /)]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('reports every dangling reference when ids are renamed', () => {
    fc.assert(
      fc.property(fc.subarray(['server-1', 'app-1'], { minLength: 1 }), (renamed) => {
        const rename = (id: string) => (renamed.includes(id) ? `${id}x` : id);
        const file = {
          ...base,
          hosts: base.hosts.map((h) => ({ ...h, id: rename(h.id) })),
          components: base.components.map((c) => ({ ...c, id: rename(c.id) })),
        };
        const found = problems(stringify(file));
        // Each renamed id is still referenced by its old name from somewhere.
        for (const id of renamed) expect(found.some((p) => p.includes(`"${id}" (did you mean "${id}x"?)`)), found.join('\n')).toBe(true);
      }),
      { numRuns: 20 },
    );
  });
});
