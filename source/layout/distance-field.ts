import { Cell, type Obstacles } from './obstacles.js';

/**
 * The number of steps from each cell to the nearest of `goals`, found by a
 * breadth-first sweep from the goals, the way a line may go without trespassing: around
 * component boxes, frame corners and titles, across frame borders only at right angles, inside
 * no host frame but those in `hosts`; -1 where no such way exists. It ignores the other lines.
 * As a search's distance estimate it sees a stack of frames between a line and its target, where
 * the straight-line estimate would lead the search into the pocket behind it and make it sweep
 * that pocket cell by cell.
 */
export function distanceField(o: Obstacles, goals: Iterable<number>, hosts: ReadonlySet<number>): Int32Array {
  const { width, height, cell, owner } = o;
  const size = width * height;
  const field = new Int32Array(size).fill(-1);
  const queue = new Int32Array(size);
  let head = 0;
  let tail = 0;
  for (const goal of goals) {
    if (goal < 0 || goal >= size || field[goal] !== -1 || cell[goal] === Cell.Blocked) continue;
    field[goal] = 0;
    queue[tail++] = goal;
  }
  while (head < tail) {
    const at = queue[head++] ?? 0;
    const next = (field[at] ?? 0) + 1;
    const x = at % width;
    for (let side = 0; side < 4; side++) {
      if ((side === 0 && x === 0) || (side === 1 && x === width - 1)) continue;
      const n = side === 0 ? at - 1 : side === 1 ? at + 1 : side === 2 ? at - width : at + width;
      if (n < 0 || n >= size || field[n] !== -1) continue;
      const kind = cell[n];
      // Sides 0 and 1 step sideways: top and bottom borders are crossed only up or down, and side
      // borders only sideways.
      if (kind === Cell.Blocked || kind === (side < 2 ? Cell.BorderH : Cell.BorderV)) continue;
      const host = owner[n] ?? 0;
      if (host !== 0 && !hosts.has(host)) continue;
      field[n] = next;
      queue[tail++] = n;
    }
  }
  return field;
}
