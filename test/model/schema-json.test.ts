import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { topologyJsonSchema } from '../../source/model/json-schema.js';
import { expectGolden } from '../golden.js';

const file = resolve(import.meta.dirname, '../../topologies/schema.json');

describe('topologies/schema.json', () => {
  it('is generated from the loader’s schema (UPDATE_GOLDEN=1 rewrites it)', () => {
    const generated = `${JSON.stringify(topologyJsonSchema(), null, 2)}\n`;
    expectGolden(file, generated, 'topologies/schema.json is out of date: run UPDATE_GOLDEN=1 npx vitest run test/model/schema-json.test.ts');
  });

  it('describes the top level and every component kind for editors', () => {
    const schema = topologyJsonSchema() as { title?: string; description?: string; additionalProperties?: boolean; properties: Record<string, unknown> };
    expect(schema.title).toBe('infra-tui topology');
    expect(schema.description).toBeTruthy();
    expect(schema.additionalProperties).toBe(false);
    const text = JSON.stringify(schema);
    for (const kind of ['client', 'dns', 'firewall', 'load-balancer', 'web-server', 'app-server', 'code', 'database', 'monitoring-agent', 'monitoring-service']) {
      expect(text).toContain(`"const":"${kind}"`);
    }
    expect(text).toContain('"ships-to"');
  });
});
