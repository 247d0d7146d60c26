import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutTopology, renderDiagram, toPlainText } from '../../source/layout/index.js';
import type { Layout, LayoutBox } from '../../source/layout/types.js';
import { denseFlowGraph, flowGraph } from '../../source/layout/flow-graph.js';
import { groupHosts } from '../../source/layout/group-hosts.js';
import { topologyArbitrary } from './arbitrary-topology.js';

const overlap = (a: LayoutBox, b: LayoutBox) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (b: LayoutBox, x: number, y: number) => x >= b.x && x < b.x + b.width && y >= b.y && y < b.y + b.height;
const widths = fc.constantFrom(60, 80, 100, 120, 160);
const settings = { numRuns: 60, seed: 4 };

function check(layout: Layout): void {
  const components = layout.boxes.filter((b) => b.kind === 'component');
  const hosts = layout.boxes.filter((b) => b.kind === 'host');
  components.forEach((a, i) => components.slice(i + 1).forEach((b) => expect(overlap(a, b), `${a.id} overlaps ${b.id}`).toBe(false)));
  hosts.forEach((a, i) => hosts.slice(i + 1).forEach((b) => expect(overlap(a, b), `${a.id} overlaps ${b.id}`).toBe(false)));
  for (const c of components) {
    for (const h of hosts) if (h.id !== c.host) expect(overlap(c, h), `${c.id} lies on host ${h.id}`).toBe(false);
  }
  for (const e of layout.edges) {
    for (const cell of e.cells) {
      const hit = components.find((b) => inside(b, cell.x, cell.y));
      expect(hit?.id, `${e.from}->${e.to} passes through a box`).toBeUndefined();
    }
  }
}

describe('layout of generated topologies', () => {
  it('never overlaps boxes and never runs a line through a box', () => {
    fc.assert(
      fc.property(topologyArbitrary, widths, fc.boolean(), (topology, width, ascii) => check(layoutTopology(topology, { width, ascii }))),
      settings,
    );
  });

  it('shows every component label and keeps every line within the width', () => {
    fc.assert(
      fc.property(topologyArbitrary, widths, fc.boolean(), (topology, width, ascii) => {
        const layout = layoutTopology(topology, { width, ascii });
        const text = toPlainText(renderDiagram(layout, { failed: [topology.components[2]?.id ?? 'dns'] }, { ascii }));
        for (const line of text.split('\n')) expect([...line].length).toBeLessThanOrEqual(width);
        for (const c of topology.components) expect(text, c.label).toContain(c.label);
        if (ascii) expect(text).toMatch(/^[\x20-\x7e\n]*$/);
      }),
      settings,
    );
  });

  it('draws every line, from its source to its target', () => {
    fc.assert(
      fc.property(topologyArbitrary, widths, (topology, width) => {
        const layout = layoutTopology(topology, { width, ascii: false });
        const boxes = new Map(layout.boxes.map((b) => [b.id, b]));
        const all = layout.arrangement === 'dense' ? denseFlowGraph(topology) : flowGraph(topology, groupHosts(topology).entries);
        const lines = all.filter((e) => e.kind !== 'monitoring');
        expect(layout.edges.map((e) => `${e.from}>${e.to}`).sort()).toEqual(lines.map((e) => `${e.from}>${e.to}`).sort());
        const touches = (b: LayoutBox | undefined, x: number, y: number) =>
          b !== undefined && ((x >= b.x - 1 && x <= b.x + b.width && y >= b.y && y < b.y + b.height) || (y >= b.y - 1 && y <= b.y + b.height && x >= b.x && x < b.x + b.width));
        for (const e of layout.edges) {
          const first = e.cells[0];
          const last = e.cells[e.cells.length - 1];
          expect(first && touches(boxes.get(e.from), first.x, first.y), `${e.from}->${e.to} starts at its source`).toBe(true);
          expect(last && touches(boxes.get(e.to), last.x, last.y), `${e.from}->${e.to} ends at its target`).toBe(true);
          e.cells.slice(1).forEach((c, i) => {
            const p = e.cells[i];
            expect(p && Math.abs(p.x - c.x) + Math.abs(p.y - c.y)).toBe(1);
          });
        }
      }),
      settings,
    );
  });

  it('gives identical output for identical input', () => {
    fc.assert(
      fc.property(topologyArbitrary, widths, (topology, width) => {
        const draw = () => toPlainText(renderDiagram(layoutTopology(topology, { width, ascii: false }), {}, { ascii: false }));
        expect(draw()).toBe(draw());
      }),
      { ...settings, numRuns: 20 },
    );
  });
});
