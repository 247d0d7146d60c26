import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectGolden, updateRequested, updatingGoldens } from './golden.js';
import { toolTestMode } from './requires-tool.js';

describe('golden files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'infra-tui-golden-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.skipIf(updatingGoldens)('a missing golden fails instead of being written', () => {
    expect(() => expectGolden(join(dir, 'missing.txt'), 'output')).toThrow(/missing\.txt is missing: write it with UPDATE_GOLDEN=1/);
  });

  it('are rewritten only when asked, and never under CI', () => {
    expect(updateRequested({})).toBe(false);
    expect(updateRequested({ UPDATE_GOLDEN: '1' })).toBe(true);
    expect(updateRequested({ UPDATE_GOLDEN: '1', CI: 'true' })).toBe(false);
  });
});

describe('tests that need a system tool', () => {
  const absent = { command: 'infra-tui-no-such-tool', versionArgs: ['--version'], install: 'nothing' };
  const node = { command: process.execPath, versionArgs: ['--version'], install: 'nothing' };

  it('fail under CI when the tool is missing, and are skipped elsewhere', () => {
    expect(toolTestMode(absent, { CI: 'true' })).toBe('fail');
    expect(toolTestMode(absent, {})).toBe('skip');
  });

  it('run when the tool is there, CI or not', () => {
    expect(toolTestMode(node, { CI: 'true' })).toBe('run');
    expect(toolTestMode(node, {})).toBe('run');
  });
});
