import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const text = readFileSync(resolve(root, 'ARCHITECTURE.md'), 'utf8');

/** Every path the map names: under a top-level folder of the repository, or a root file in backticks. */
function namedPaths(): string[] {
  const nested = [...text.matchAll(/\b(?:source|test|scripts|bench|topologies)\/[\w./-]*/g)].map((m) => m[0].replace(/\.$/, ''));
  const rootFiles = [...text.matchAll(/`([\w.-]+\.(?:json|js|ts|md))`/g)].map((m) => m[1] ?? '');
  return [...new Set([...nested, ...rootFiles])];
}

describe('ARCHITECTURE.md', () => {
  it('names only files and folders that exist', () => {
    const paths = namedPaths();
    expect(paths.length).toBeGreaterThan(40);
    expect(paths.filter((p) => !existsSync(resolve(root, p)))).toEqual([]);
  });

  it('has a recipe for each change it promises', () => {
    for (const recipe of ['Add an interactive command', 'Add a sub-command', 'Add a component kind', 'Add a failure mode', 'Add an export format']) {
      expect(text).toContain(`**${recipe}.**`);
    }
  });
});
