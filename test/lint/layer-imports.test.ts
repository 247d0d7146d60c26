import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Lints `code` as if it were the file `filePath` of the project, with the project's own config. */
async function ruleIds(code: string, filePath: string): Promise<(string | null)[]> {
  const [result] = await new ESLint({ cwd: process.cwd() }).lintText(code, { filePath });
  return (result?.messages ?? []).map((m) => m.ruleId);
}

describe('folder boundaries in eslint.config.js', () => {
  it('stops a nested engine file from importing the UI at any depth', async () => {
    expect(await ruleIds(`import { x } from '../../ui/view/line.js';\nexport const y = x;\n`, 'source/sim/traffic/fixture.ts')).toContain('layers/imports');
    expect(await ruleIds(`import { x } from '../../../ui/state/app-state.js';\nexport const y = x;\n`, 'source/sim/traffic/deep/fixture.ts')).toContain('layers/imports');
  });

  it('keeps pure layers free of React and Ink, nested or not', async () => {
    expect(await ruleIds(`import { Box } from 'ink';\nexport const y = Box;\n`, 'source/sim/traffic/fixture.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(`import React from 'react';\nexport const y = React;\n`, 'source/layout/fixture.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(`import { x } from '../commands/registry.js';\nexport const y = x;\n`, 'source/export/fixture.ts')).toContain('layers/imports');
    expect(await ruleIds(`import { x } from '../sim/index.js';\nexport const y = x;\n`, 'source/layout/fixture.ts')).toContain('layers/imports');
  });

  it('lets ui/, export/ and commands/ reach sim/ and layout/ only through their public entries', async () => {
    expect(await ruleIds(`import { x } from '../../sim/engine.js';\nexport const y = x;\n`, 'source/ui/view/fixture.ts')).toContain('layers/imports');
    expect(await ruleIds(`import { x } from '../layout/route-edges.js';\nexport const y = x;\n`, 'source/commands/fixture.ts')).toContain('layers/imports');
    expect(await ruleIds(`import { x } from '../../sim/index.js';\nexport const y = x;\n`, 'source/ui/view/fixture.ts')).toEqual([]);
    expect(await ruleIds(`import { x } from '../layout/index.js';\nexport const y = x;\n`, 'source/export/fixture.ts')).toEqual([]);
  });

  it('keeps scenario/ pure and reached only through its entry', async () => {
    expect(await ruleIds(`import { x } from '../ui/state/app-state.js';\nexport const y = x;\n`, 'source/scenario/fixture.ts')).toContain('layers/imports');
    expect(await ruleIds(`import { readFileSync } from 'node:fs';\nexport const y = readFileSync;\n`, 'source/scenario/fixture.ts')).toContain('no-restricted-imports');
    expect(await ruleIds(`import { x } from '../scenario/parse-scenario.js';\nexport const y = x;\n`, 'source/commands/fixture.ts')).toContain('layers/imports');
    expect(await ruleIds(`import { x } from '../scenario/index.js';\nexport const y = x;\n`, 'source/commands/fixture.ts')).toEqual([]);
  });

  it('lets a folder import its own files freely', async () => {
    expect(await ruleIds(`import { x } from '../engine.js';\nexport const y = x;\n`, 'source/sim/traffic/fixture.ts')).toEqual([]);
  });
});
