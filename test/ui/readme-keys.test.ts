import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { keyTableMarkdown } from '../../source/ui/commands/key-table.js';
import { updatingGoldens } from '../golden.js';

const README = fileURLToPath(new URL('../../readme.md', import.meta.url));
const START = '<!-- keys:start -->';
const END = '<!-- keys:end -->';

it("keeps the README's key table in step with the key maps (UPDATE_GOLDEN=1 rewrites it)", () => {
  const readme = readFileSync(README, 'utf8');
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  expect(start, 'readme.md lacks the key table markers').toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  const expected = `\n${keyTableMarkdown()}\n`;
  const actual = readme.slice(start + START.length, end);
  if (updatingGoldens && actual !== expected) {
    writeFileSync(README, readme.slice(0, start + START.length) + expected + readme.slice(end));
    return;
  }
  expect(actual, 'the key table in readme.md is stale: run UPDATE_GOLDEN=1 npx vitest run test/ui/readme-keys.test.ts').toBe(expected);
});
