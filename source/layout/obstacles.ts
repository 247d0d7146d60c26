import { titleSpan } from './frame-title.js';
import type { PageBox } from './position.js';

/** What a cell of the page is, for the router. */
export const Cell = {
  Free: 0,
  /** Inside or on the border of a component box, or a corner of a frame: never crossed. */
  Blocked: 1,
  /** The top or bottom border of a frame: crossed only vertically. */
  BorderH: 2,
  /** The left or right border of a frame: crossed only horizontally. */
  BorderV: 3,
} as const;

/** The page as the router sees it. Cells are indexed `y * width + x`. */
export interface Obstacles {
  readonly width: number;
  readonly height: number;
  readonly cell: Uint8Array;
  /** For cells inside a host frame: 1 + the host's index in `hosts`; 0 elsewhere. */
  readonly owner: Uint16Array;
  readonly hosts: readonly string[];
}

function markFrame(o: { cell: Uint8Array; owner: Uint16Array; width: number }, b: PageBox, ownerIndex: number): void {
  const { cell, owner, width } = o;
  for (let y = b.y; y < b.y + b.height; y++) {
    for (let x = b.x; x < b.x + b.width; x++) {
      const i = y * width + x;
      const top = y === b.y || y === b.y + b.height - 1;
      const side = x === b.x || x === b.x + b.width - 1;
      if (top && side) cell[i] = Cell.Blocked;
      else if (top) cell[i] = Cell.BorderH;
      else if (side) cell[i] = Cell.BorderV;
      else if (ownerIndex > 0) owner[i] = ownerIndex;
    }
  }
}

/**
 * Builds the router's map: frames first (so boxes straddling a border win), then component
 * boxes. Boxes partly outside the page are clipped.
 */
export function buildObstacles(boxes: readonly PageBox[], width: number, height: number, flowDown: boolean): Obstacles {
  const cell = new Uint8Array(width * height);
  const owner = new Uint16Array(width * height);
  const hosts: string[] = [];
  const inPage = (b: PageBox) => ({ ...b, width: Math.min(b.width, width - b.x), height: Math.min(b.height, height - b.y) });
  for (const b of boxes) {
    if (b.role === 'group') markFrame({ cell, owner, width }, inPage(b), 0);
  }
  for (const b of boxes) {
    if (b.role !== 'host') continue;
    hosts.push(b.id);
    markFrame({ cell, owner, width }, inPage(b), hosts.length);
  }
  const components = boxes.filter((b) => b.role === 'component');
  // Frame titles are text on the border: no line may run through them.
  for (const b of boxes) {
    if (b.role === 'component') continue;
    const t = titleSpan(b, b.label, components, flowDown);
    if (t.y < height) cell.fill(Cell.Blocked, t.y * width + t.x, t.y * width + Math.min(width, t.x + t.length));
  }
  for (const b of boxes) {
    if (b.role !== 'component') continue;
    const c = inPage(b);
    for (let y = c.y; y < c.y + c.height; y++) cell.fill(Cell.Blocked, y * width + c.x, y * width + c.x + c.width);
  }
  return { width, height, cell, owner, hosts };
}
