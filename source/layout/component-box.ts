import { boxSize, fitLabel, toAxes } from './size.js';
import type { LocalBox, UnitContext } from './unit-layout.js';

/** A component's box at the origin of its unit, its label cut to the arrangement's limit. */
export function componentBox(id: string, ctx: UnitContext): LocalBox {
  const label = fitLabel(ctx.label(id), ctx.spacing.maxLabel);
  const { main, cross } = toAxes(boxSize(label, ctx.spacing.shape), ctx.spacing.direction);
  return { id, role: 'component', main: 0, cross: 0, mainSize: main, crossSize: cross, label };
}
