import { describe, expect, it } from 'vitest';
import { layoutIfFits, layoutTopology } from '../../source/layout/index.js';
import { builtinIds } from '../../source/model/builtin-ids.js';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import { planScreen } from '../../source/ui/view/screen-plan.js';

/** Terminal sizes from the smallest the app draws to a wide one, in uneven steps. */
const sizes = [60, 67, 80, 93, 100, 120, 131, 160, 200].flatMap((columns) => [18, 24, 29, 40, 51].map((rows) => [columns, rows] as const));

describe('layoutIfFits', () => {
  it("is layoutTopology's layout whenever that fits the height, else nothing", () => {
    for (const id of builtinIds) {
      const topology = loadBuiltin(id);
      for (const [width, height] of sizes) {
        for (const legend of [true, false]) {
          const options = { width, height, ascii: false, legend };
          const whole = layoutTopology(topology, options);
          const fitting = layoutIfFits(topology, options);
          if (fitting === undefined) expect(whole.height, `${id} ${width}x${height} legend ${legend}`).toBeGreaterThan(height);
          else expect(fitting).toEqual(whole);
        }
      }
    }
  });

  it('gives nothing for high-availability beside the panels at 120x40, where every arrangement that fits leaves a line out', () => {
    const topology = loadBuiltin('high-availability');
    expect(layoutIfFits(topology, { width: 76, height: 36, ascii: false, legend: true })).toBeUndefined();
    expect(layoutTopology(topology, { width: 76, height: 36, ascii: false, legend: true }).height).toBeGreaterThan(36);
  });

  it('leaves every built-in screen plan as it was', () => {
    for (const id of builtinIds) {
      const topology = loadBuiltin(id);
      for (const [columns, rows] of sizes) {
        const measure = (width: number, height: number, legend: boolean) => layoutTopology(topology, { width, height, ascii: false, legend });
        const skipping = planScreen(columns, rows, measure, (width, height, legend) => layoutIfFits(topology, { width, height, ascii: false, legend }));
        expect(skipping, `${id} at ${columns}x${rows}`).toEqual(planScreen(columns, rows, measure));
      }
    }
  });
});
