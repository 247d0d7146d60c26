import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutTopology, renderDiagram, toPlainText, type ViewState } from '../../source/layout/index.js';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import { parseTopology } from '../../source/model/parse-topology.js';
import { expectGolden } from '../golden.js';

/** A golden case: a built-in (by id) or the case's own topology.yaml, drawn with these options. */
interface CaseOptions {
  readonly topology?: string;
  readonly width: number;
  readonly height?: number;
  readonly ascii: boolean;
  readonly legend?: boolean;
  readonly view?: ViewState;
}

const root = resolve(import.meta.dirname, '../fixtures/diagrams');
const cases = readdirSync(root).sort();

function draw(dir: string): { text: string; options: CaseOptions } {
  const options = JSON.parse(readFileSync(join(dir, 'options.json'), 'utf8')) as CaseOptions;
  const file = join(dir, 'topology.yaml');
  const topology = options.topology ? loadBuiltin(options.topology) : parseTopology(readFileSync(file, 'utf8'), file);
  const layout = layoutTopology(topology, {
    width: options.width,
    ascii: options.ascii,
    ...(options.height === undefined ? {} : { height: options.height }),
    ...(options.legend === undefined ? {} : { legend: options.legend }),
  });
  return { text: toPlainText(renderDiagram(layout, options.view ?? {}, { ascii: options.ascii })), options };
}

describe('diagram golden files', () => {
  it.each(cases)('%s', (name) => {
    const dir = join(root, name);
    const { text, options } = draw(dir);
    expectGolden(join(dir, 'expected.txt'), text);
    for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(options.width);
    if (options.ascii) expect(text).toMatch(/^[\x20-\x7e\n]*$/);
  });
});
