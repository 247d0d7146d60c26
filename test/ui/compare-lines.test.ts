import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import { summarize } from '../../source/sim/index.js';
import type { CompareState } from '../../source/ui/state/compare.js';
import { compareLines } from '../../source/ui/view/compare-lines.js';

const text = (c: CompareState, width: number) => compareLines(c, width).map((l) => l.map((s) => s.text).join('').trimEnd());

describe('compare screen lines', () => {
  const designs = ['0', '1', '2', '3', '4'].map((n) => loadBuiltin(n));
  const [simple, distributed] = designs;
  const figures = [simple, distributed].map((t) => (t ? summarize(t) : null));

  it('brackets the highlighted cell, shows ... for figures not computed yet, and names what the row counts', () => {
    const c: CompareState = { designs, summaries: [...figures, null, null, null], row: 8, column: 1 };
    const lines = text(c, 100);
    expect(lines[0]).toMatch(/^\s+simple\s+distributed\s+secured\s+scaled\s+high-availability$/);
    expect(lines.find((l) => l.startsWith('SPOFs (outage)'))).toMatch(/^SPOFs \(outage\)\s+6\s+\[3\]\s+\.\.\.\s+\.\.\.\s+\.\.\.$/);
    expect(lines.join('\n')).toContain('single points of failure (alone, an outage): dns, haproxy-1, lb-1');
  });

  it('keeps the highlighted design in view when they do not all fit, and says how many are left out', () => {
    const c: CompareState = { designs, summaries: designs.map(() => null), row: 0, column: 4 };
    const lines = text(c, 40);
    expect(lines[0]).toContain('high-availability');
    expect(lines[0]).not.toContain('simple');
    for (const l of lines.slice(0, 17)) expect(l.length).toBeLessThanOrEqual(40);
    expect(lines.join('\n')).toMatch(/\d more designs?:/);
  });

  it('never draws a line wider than the screen while figures are still being computed', () => {
    for (let width = 40; width <= 120; width++) {
      for (const column of [0, 4]) {
        const c: CompareState = { designs, summaries: designs.map(() => null), row: 0, column };
        for (const l of text(c, width).slice(0, 18)) expect(l.length).toBeLessThanOrEqual(width);
      }
    }
  });
});
