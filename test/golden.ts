import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { expect } from 'vitest';

/**
 * Golden files are rewritten only when asked (`UPDATE_GOLDEN=1`) and never under CI, so a run
 * can only compare: a golden that is missing or different fails the test.
 */
export function updateRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  return env['UPDATE_GOLDEN'] === '1' && !env['CI'];
}

/** Whether this run rewrites golden files. */
export const updatingGoldens = updateRequested();

/** Reads a golden file, or undefined when it is missing. */
function readGolden(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Expects `actual` to equal the golden `file`. With the update flag the file is (re)written
 * first; without it a missing file fails with the command that writes it.
 */
export function expectGolden(file: string, actual: string, label?: string): void {
  if (updatingGoldens) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  const expected = readGolden(file);
  const name = relative(process.cwd(), file);
  expect(expected, `${name} is missing: write it with UPDATE_GOLDEN=1 and review it`).toBeDefined();
  expect(actual, label ?? `${name} differs (UPDATE_GOLDEN=1 rewrites it)`).toBe(expected);
}
