import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { traceCommand } from '../../source/commands/trace.js';
import { expectGolden } from '../golden.js';
import { runCommand } from '../cli/fake-io.js';

interface Options {
  readonly topology: string;
  readonly request?: string;
  readonly fail?: string;
  readonly after?: string;
  readonly width?: number;
  readonly ascii?: boolean;
}

const root = join(import.meta.dirname, '..', 'fixtures', 'traces');

describe('golden traces (readable output of `infra-tui trace`)', () => {
  for (const name of readdirSync(root).sort()) {
    it(name, async () => {
      const options = JSON.parse(readFileSync(join(root, name, 'options.json'), 'utf8')) as Options;
      const { topology, ...flags } = options;
      const { code, out } = await runCommand(traceCommand, [topology], { width: 100, ...flags });
      expect(code).toBe(0);
      expectGolden(join(root, name, 'expected.txt'), out);
    });
  }
});
