import { describe, expect, it } from 'vitest';
import { generatedTopology as generated } from '../../bench/generate-topology.js';
import { layoutTopology, renderDiagram, toPlainText, type ViewState } from '../../source/layout/index.js';
import { loadBuiltin } from '../../source/model/load-builtins.js';

/** How many components a box stands for: 1, or 1 + N for a label ending in (+N). */
const stands = (label: string) => 1 + Number(/\(\+(\d+)\)$/.exec(label)?.[1] ?? 0);

describe('too many components to draw one by one', () => {
  it.each([
    ['tiered', 300],
    ['wide', 300],
    ['deep', 1000],
  ] as const)('draws a %s topology of %i as groups of alike components, says so, and fits the width of the app at 120x40', (shape, size) => {
    const topology = generated(shape, size);
    const layout = layoutTopology(topology, { width: 120, height: 36, ascii: false });
    const text = toPlainText(renderDiagram(layout, {}, { ascii: false }));
    expect(text.split('\n')[0]).toBe(`${topology.components.length} components on ${topology.hosts.length} hosts: alike ones share a box, (+N) counting the rest`);
    expect(layout.width).toBeLessThanOrEqual(120);
    const ids = new Set([...topology.components.map((c) => c.id), ...topology.hosts.map((h) => h.id)]);
    for (const b of layout.boxes) expect(ids.has(b.id), b.id).toBe(true);
    // Every component is in exactly one box: the counts add up.
    const components = layout.boxes.filter((b) => b.kind === 'component');
    expect(components.reduce((n, b) => n + stands(b.label), 0)).toBe(topology.components.length);
    expect(components.length).toBeLessThan(30);
  });

  it('draws the built-in designs one by one, and any topology when asked to', () => {
    for (const id of ['0', '1', '2', '3', '4']) {
      const layout = layoutTopology(loadBuiltin(id), { width: 120, ascii: false });
      expect(layout.notes.some((n) => n.text.includes('too many'))).toBe(false);
    }
    const wide = generated('wide', 100);
    const every = layoutTopology(wide, { width: 400, ascii: false, collapse: false });
    expect(every.boxes.filter((b) => b.kind === 'component')).toHaveLength(wide.components.length);
  });

  it('keeps the picture of the same topology and page, whatever was laid out before', () => {
    const topology = generated('tiered', 300);
    const first = toPlainText(renderDiagram(layoutTopology(topology, { width: 100, height: 30, ascii: true }), {}, { ascii: true }));
    layoutTopology(topology, { width: 90, height: 24, ascii: true });
    const again = toPlainText(renderDiagram(layoutTopology({ ...topology }, { width: 100, height: 30, ascii: true }), {}, { ascii: true }));
    expect(again).toBe(first);
  });
});

describe('a state of a member that is not drawn on its own', () => {
  const topology = generated('tiered', 300);
  const layout = layoutTopology(topology, { width: 160, ascii: true });
  /** The texts drawn in `style`. */
  const styled = (view: ViewState, style: string) =>
    renderDiagram(layout, view, { ascii: true })
      .flat()
      .filter((s) => s.style === style)
      .map((s) => s.text)
      .join(' ');

  it('is shown on the box of its group', () => {
    // nginx-7 and its host web-7 are drawn in nginx-1's and web-1's boxes.
    expect(layout.drawnAs?.get('nginx-7')).toBe('nginx-1');
    expect(layout.drawnAs?.get('web-7')).toBe('web-1');
    expect(styled({}, 'failed')).toBe('');
    expect(styled({ failed: ['nginx-7'] }, 'failed')).toContain('nginx-1');
    expect(styled({ failed: ['web-7'] }, 'failed')).toContain('web-1');
    expect(styled({ believedDown: ['nginx-7'] }, 'believed-down')).toContain('nginx-1');
  });

  it('puts a request between members on the line between their groups', () => {
    expect(styled({}, 'path')).toBe('');
    expect(styled({ path: [{ from: 'haproxy-1', to: 'nginx-7' }] }, 'path')).not.toBe('');
  });
});

describe('a big topology drawn box by box', () => {
  it.each([
    ['tiered', 300],
    ['deep', 1000],
  ] as const)('gives every component of a %s topology of %i its own box, leaves the lines out and says so', (shape, size) => {
    const topology = generated(shape, size);
    const layout = layoutTopology(topology, { width: 120, height: 36, ascii: false, collapse: false, lines: false });
    expect(layout.boxes.filter((b) => b.kind === 'component')).toHaveLength(topology.components.length);
    expect(layout.edges).toHaveLength(0);
    expect(layout.notes[0]?.text).toBe(`${topology.components.length} components on ${topology.hosts.length} hosts, a box each; the lines are left out (too many)`);
    expect(layout.width).toBeLessThanOrEqual(120);
  });

  it('draws the lines of a topology small enough to draw one by one, whatever it is asked', () => {
    const design = loadBuiltin('4');
    const asked = layoutTopology(design, { width: 120, ascii: false, collapse: false, lines: false });
    expect(asked).toEqual(layoutTopology(design, { width: 120, ascii: false }));
    expect(asked.edges.length).toBeGreaterThan(0);
  });
});
