import type { LayoutBox } from '../../layout/index.js';
import { namesOf } from '../../grammar/names.js';
import { lookup } from '../../model/lookup.js';
import type { Topology } from '../../model/types.js';

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * Everything the user can select, in Tab order: components that live on no host (the browser,
 * DNS, external services), then each host followed by the components on it (the names `:` takes).
 */
export function selectableIds(topology: Topology): readonly string[] {
  return namesOf(topology).ids;
}

/** Where the selection starts: the first component on the first host (the front door). */
export function initialSelection(topology: Topology): string {
  const first = topology.hosts[0];
  const onFirst = first ? lookup(topology).onHost(first.id)[0] : undefined;
  return onFirst?.id ?? topology.components[0]?.id ?? '';
}

/** The next (or previous) id in Tab order, wrapping around. */
export function cycle(topology: Topology, from: string, delta: 1 | -1): string {
  const ids = selectableIds(topology);
  const index = ids.indexOf(from);
  return ids[(index + delta + ids.length) % ids.length] ?? from;
}

/**
 * A box's anchor for spatial moves: a component's centre, a host's top edge (where its label
 * is), so moving up from the top component of a host selects the host itself.
 */
function anchor(box: LayoutBox): { x: number; y: number } {
  const x = box.x + box.width / 2;
  return box.kind === 'host' ? { x, y: box.y } : { x, y: box.y + box.height / 2 };
}

/**
 * The box nearest to `from` in a direction, as drawn now; undefined when there is none.
 * Rows count twice as much as columns because a terminal cell is about twice as tall as wide.
 */
export function neighbour(boxes: readonly LayoutBox[], from: string, direction: Direction): string | undefined {
  const start = boxes.find((b) => b.id === from);
  if (!start) return boxes[0]?.id;
  const a = anchor(start);
  let best: { id: string; score: number } | undefined;
  for (const box of boxes) {
    if (box.id === from) continue;
    const b = anchor(box);
    const dx = b.x - a.x;
    const dy = (b.y - a.y) * 2;
    const along = { left: -dx, right: dx, up: -dy, down: dy }[direction];
    const across = direction === 'left' || direction === 'right' ? Math.abs(dy) : Math.abs(dx);
    if (along <= 0) continue;
    const score = along + 2 * across;
    if (!best || score < best.score) best = { id: box.id, score };
  }
  return best?.id;
}
