import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TopologyError } from '../../source/model/errors.js';
import { loadTopology } from '../../source/model/load-topology.js';
import { parseTopology } from '../../source/model/parse-topology.js';

const dir = resolve(import.meta.dirname, '../fixtures/malformed');
const cases = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

/** The problems a call throws; fails the test when it throws anything else or nothing. */
function problemsOf(run: () => unknown): readonly string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof TopologyError) return error.problems;
    throw error;
  }
  throw new Error('expected a TopologyError, but the file was accepted');
}

/** The same for a loader that answers with a promise. */
async function loadProblemsOf(load: () => Promise<unknown>): Promise<readonly string[]> {
  try {
    await load();
  } catch (error) {
    if (error instanceof TopologyError) return error.problems;
    throw error;
  }
  throw new Error('expected a TopologyError, but the file was accepted');
}

/** Every problem is one line that starts with `file:line:col`. */
function expectOneLineEach(problems: readonly string[], file: string): void {
  expect(problems.length).toBeGreaterThan(0);
  for (const problem of problems) {
    expect(problem).not.toContain('\n');
    expect(problem.startsWith(`${file}:`)).toBe(true);
    expect(problem.slice(file.length)).toMatch(/^:\d+:\d+[ :]/);
  }
}

describe('malformed topology files', () => {
  it('cover at least 30 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('%s: every problem reported, one line each, at its line and column', (name) => {
    const text = readFileSync(join(dir, name), 'utf8');
    const expected = [...text.matchAll(/^# expect: (.+)$/gm)].map((m) => m[1] ?? '');
    expect(expected.length).toBeGreaterThan(0);
    const problems = problemsOf(() => parseTopology(text, name));
    expectOneLineEach(problems, name);
    for (const want of expected) expect(problems.some((p) => p.startsWith(`${name}:${want}`)), `missing: ${want}\ngot:\n${problems.join('\n')}`).toBe(true);
    expect(problems).toHaveLength(expected.length);
  });
});

describe('files refused before parsing', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'infra-tui-model-'));

  it.each([
    ['an empty file', '', '1:1: the file is empty'],
    ['blank lines only', '\n\n   \n', '1:1: the file is empty'],
    ['NUL bytes', 'id: x\ntitle: \u0000\u0001\u0002binary', '2:8: the file contains a NUL byte'],
    ['runaway nesting', `id: ${'['.repeat(5000)}`, 'the YAML nests too deeply'],
  ])('%s', (_, text, message) => {
    const problems = problemsOf(() => parseTopology(text, 'x.yaml'));
    expectOneLineEach(problems, 'x.yaml');
    expect(problems[0]).toContain(message);
  });

  it('a text over 1 MB, without parsing it', () => {
    const text = `id: big\ntitle: Big\n# ${'x'.repeat(1.25 * 1024 * 1024)}\n`;
    expect(problemsOf(() => parseTopology(text, 'big.yaml'))).toEqual(['big.yaml:1:1: file is 1.3 MB; topology files are limited to 1 MB']);
  });

  it('a file over 1 MB, without reading it', async () => {
    const path = join(tmp, 'big.yaml');
    writeFileSync(path, Buffer.alloc(1024 * 1024 + 1, 0x61));
    expect(await loadProblemsOf(() => loadTopology(path, tmp))).toEqual([`${path}:1:1: file is 1.1 MB; topology files are limited to 1 MB`]);
  });

  it('binary garbage that is not UTF-8', async () => {
    const path = join(tmp, 'garbage.yaml');
    writeFileSync(path, Buffer.from([0x69, 0x64, 0x3a, 0x0a, 0xff, 0xfe, 0x80, 0x81]));
    expect(await loadProblemsOf(() => loadTopology('garbage.yaml', tmp))).toEqual(['garbage.yaml:2:1: not UTF-8 text: the file looks binary, not a YAML text file']);
  });

  it('a folder, a missing file and an unknown name, in one line each', async () => {
    mkdirSync(join(tmp, 'folder.yaml'), { recursive: true });
    expect(await loadProblemsOf(() => loadTopology('folder.yaml', tmp))).toEqual(['folder.yaml: cannot read the file: it is a folder, not a file']);
    expect(await loadProblemsOf(() => loadTopology('missing.yaml', tmp))).toEqual(['missing.yaml: cannot read the file: no such file']);
    expect(await loadProblemsOf(() => loadTopology('7', tmp))).toEqual([
      'no topology "7": use a number 0-4, one of simple, distributed, secured, scaled, high-availability, or a path to a .yaml file',
    ]);
  });

  it('a prototype key without polluting any object', () => {
    const text = readFileSync(join(dir, 'proto-key.yaml'), 'utf8');
    problemsOf(() => parseTopology(text, 'proto-key.yaml'));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
