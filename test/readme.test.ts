import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTopology } from '../source/model/parse-topology.js';

const readme = readFileSync(resolve(import.meta.dirname, '../readme.md'), 'utf8');

describe('readme', () => {
  it('shows the two set-up commands that CI runs', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
    const ci = readFileSync(resolve(import.meta.dirname, '../.ci/run'), 'utf8');
    expect(ci).toMatch(/^npm ci && npm test$/m);
  });

  it('has an example topology that loads', () => {
    const yaml = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(yaml).toBeDefined();
    const topology = parseTopology(yaml!, 'readme.md');
    expect(topology.components.map((c) => c.id)).toContain('haproxy-1');
  });
});
