import { describe, expect, it } from 'vitest';
import { layoutTopology, renderDiagram, toPlainText } from '../../source/layout/index.js';
import type { StyledLine } from '../../source/layout/types.js';
import { loadBuiltin } from '../../source/model/load-builtins.js';

const topology = loadBuiltin('distributed');
const layout = layoutTopology(topology, { width: 120, ascii: false });
const draw = (view: Parameters<typeof renderDiagram>[1], ascii = false) => renderDiagram(layout, view, { ascii });
const styled = (lines: readonly StyledLine[], style: string) => lines.flatMap((l) => l.filter((s) => s.style === style).map((s) => s.text)).join('');

describe('renderDiagram', () => {
  it('marks a failed host and everything on it with a symbol and the failed style', () => {
    const lines = draw({ failed: ['server-2'] });
    const text = toPlainText(lines);
    for (const id of ['nginx-2', 'app-2', 'code-2', 'mysql-2']) expect(text).toContain(`✗${id}`);
    expect(text).toContain('✗server-2');
    expect(styled(lines, 'failed')).toContain('nginx-2');
    expect(text).not.toContain('✗nginx-1');
  });

  it('shows the load balancer’s belief apart from reality', () => {
    const text = toPlainText(draw({ believedDown: ['nginx-1'] }));
    expect(text).toContain('?nginx-1');
  });

  it('draws the active hop heavy and styled, and the hops before it as the path', () => {
    const lines = draw({ path: [{ from: 'browser', to: 'haproxy-1' }], active: { from: 'haproxy-1', to: 'nginx-1', direction: 'request' } });
    expect(styled(lines, 'active')).toMatch(/━/);
    expect(styled(lines, 'path')).toMatch(/─/);
  });

  it('points an arrowhead back along a response hop', () => {
    const request = toPlainText(draw({ active: { from: 'nginx-1', to: 'app-1', direction: 'request' } }));
    const response = toPlainText(draw({ active: { from: 'app-1', to: 'nginx-1', direction: 'response' } }));
    expect((response.match(/◀/g) ?? []).length).toBeGreaterThan((request.match(/◀/g) ?? []).length);
  });

  it('draws the selection heavy, badges on the bottom edge and marks on the top edge', () => {
    const text = toPlainText(draw({ selected: 'app-1', badges: { 'haproxy-1': '42/s' }, marks: { 'mysql-1': 'W' } }));
    expect(text).toMatch(/┏━+┓/);
    expect(text).toMatch(/└[─┬┴]*42\/s[─┬┴]*┘/);
    expect(text).toMatch(/┌─*W┐/);
  });

  it('keeps the picture in place whatever the view: only symbols and styles change', () => {
    const a = draw({}).map((l) => l.map((s) => s.text).join('').length);
    const b = draw({ failed: ['server-1'], selected: 'dns', focus: ['haproxy-1'] }).map((l) => l.map((s) => s.text).join('').length);
    expect(b).toEqual(a);
  });

  it('is pure 7-bit with --ascii', () => {
    const ascii = layoutTopology(topology, { width: 120, ascii: true });
    const text = toPlainText(renderDiagram(ascii, { failed: ['app-1'], selected: 'nginx-1', active: { from: 'browser', to: 'haproxy-1', direction: 'request' } }, { ascii: true }));
    expect(text).toMatch(/^[\x20-\x7e\n]*$/);
    expect(text).toContain('Xapp-1');
    expect(text).toMatch(/\*{5,}/);
  });
});
