import type { LayoutBox } from '../../layout/index.js';
import type { CurrentLoad } from '../../sim/index.js';
import { compactNumber } from './sparkline.js';

/**
 * Per-component badges for the diagram: requests per second and utilization (`120/s 40%`), in
 * the longest form that fits the box (a badge cut in the middle would misread), for every
 * component that carried load in the last tick.
 */
export function trafficBadges(current: CurrentLoad, boxes: readonly LayoutBox[]): Record<string, string> {
  const room = new Map(boxes.map((b) => [b.id, b.width - 2]));
  const badges: Record<string, string> = {};
  for (const [id, load] of Object.entries(current.components)) {
    if (load.rps <= 0) continue;
    const rate = compactNumber(load.rps);
    const use = `${Math.round(load.utilization * 100)}%`;
    const forms = [`${rate}/s ${use}`, `${rate} ${use}`, use];
    const fits = forms.find((f) => f.length <= (room.get(id) ?? 0));
    if (fits) badges[id] = fits;
  }
  return badges;
}
