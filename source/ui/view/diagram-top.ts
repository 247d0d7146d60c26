import type { Layout } from '../../layout/index.js';
import { windowStart } from './scroll-window.js';

/**
 * The first row of a drawing taller than its `room` to show: the top, or just low enough that
 * the selected box (or the box of the group it is in) shows whole at the bottom. Between 0 and
 * the rows the drawing has beyond its room.
 */
export function diagramTop(layout: Layout, selected: string | undefined, room: number): number {
  const id = selected === undefined ? undefined : (layout.drawnAs?.get(selected) ?? selected);
  const box = layout.boxes.find((b) => b.id === id);
  return windowStart({ key: 'diagram', total: layout.height, room, keep: 'head', ...(box ? { anchor: box.y + box.height - 1 } : {}) }, undefined);
}
