import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../source/scenario/index.js';
import { expectGolden } from '../golden.js';

const file = resolve(import.meta.dirname, '../../scenarios/schema.json');

describe('scenarios/schema.json', () => {
  it('is generated from the loader’s schema (UPDATE_GOLDEN=1 rewrites it)', () => {
    const generated = `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
    expectGolden(file, generated, 'scenarios/schema.json is out of date: run UPDATE_GOLDEN=1 npx vitest run test/scenario/schema-json.test.ts');
  });

  it('describes every kind of step and forbids unknown keys', () => {
    const schema = scenarioJsonSchema() as { title?: string; additionalProperties?: boolean; required?: string[] };
    expect(schema.title).toBe('infra-tui scenario');
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toEqual(['title', 'topology', 'steps']);
    const text = JSON.stringify(schema);
    for (const kind of ['"do"', '"act"', '"say"', '"note"', '"ask"', '"pause"', '"explain"', '"choices"']) expect(text).toContain(kind);
  });
});
