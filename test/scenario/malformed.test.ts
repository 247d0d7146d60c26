import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../source/commands/load-scenario.js';
import { TopologyError } from '../../source/model/errors.js';

const dir = resolve(import.meta.dirname, '../fixtures/malformed-scenarios');
const cases = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();

/** The problems loading a scenario rejects with; fails the test when it rejects with anything else or loads. */
async function problemsOf(name: string): Promise<readonly string[]> {
  try {
    await loadScenario(name, dir);
  } catch (error) {
    if (error instanceof TopologyError) return error.problems;
    throw error;
  }
  throw new Error('expected a TopologyError, but the scenario was accepted');
}

describe('malformed scenario files', () => {
  it('cover at least 20 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(20);
  });

  it.each(cases)('%s: every problem reported, one line each, at its line and column', async (name) => {
    const expected = [...readFileSync(join(dir, name), 'utf8').matchAll(/^# expect: (.+)$/gm)].map((m) => m[1] ?? '');
    expect(expected.length).toBeGreaterThan(0);
    const problems = await problemsOf(name);
    for (const problem of problems) {
      expect(problem).not.toContain('\n');
      expect(problem).toMatch(new RegExp(`^${name.replace('.', '\\.')}:\\d+:\\d+[ :]`));
    }
    for (const want of expected) expect(problems.some((p) => p.startsWith(`${name}:${want}`)), `missing: ${want}\ngot:\n${problems.join('\n')}`).toBe(true);
    expect(problems).toHaveLength(expected.length);
  });
});
