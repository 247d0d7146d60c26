import type { BoxShape } from './types.js';

/** The knobs an arrangement sets; `layoutTopology` tries several, roomiest first. */
export interface Spacing {
  readonly shape: BoxShape;
  readonly direction: 'lr' | 'tb';
  /** Cells between columns of units, and between stacked units. */
  readonly gapMain: number;
  readonly gapCross: number;
  /** The same inside a host frame. */
  readonly innerMain: number;
  readonly innerCross: number;
  /** The page width when the flow runs top to bottom: ranks wrap to stay inside it. */
  readonly maxCross?: number;
  /** Labels longer than this are cut with an ellipsis (only ever needed on very narrow pages). */
  readonly maxLabel: number;
  /**
   * Set for the dense arrangement: host frames of three rows with their firewalls, code and agents
   * on the border, and the shortest host title allowed (`address`: name and IP; `name`: the name).
   */
  readonly dense?: 'address' | 'name';
  /** Dense frames only: an empty row under the components, where their badges go. */
  readonly badgeRow?: boolean;
}

/** A size in cells on the page. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** A label cut to `max` characters, ending in `…` when cut. Guaranteed: length ≤ max (max ≥ 1). */
export function fitLabel(label: string, max: number): string {
  return label.length <= max ? label : `${label.slice(0, Math.max(0, max - 1))}…`;
}

/**
 * The size of a component box: tall boxes are `│ label │` in a border (the space before the
 * label holds the state symbol), flat ones are `·[label]` on one row (`·` holds the symbol).
 */
export function boxSize(label: string, shape: BoxShape): Size {
  return shape === 'tall' ? { width: label.length + 4, height: 3 } : { width: label.length + 3, height: 1 };
}

/** Converts a page size to (main, cross) for the flow direction, and back. */
export function toAxes(size: Size, direction: Spacing['direction']): { main: number; cross: number } {
  return direction === 'lr' ? { main: size.width, cross: size.height } : { main: size.height, cross: size.width };
}
export function fromAxes(main: number, cross: number, direction: Spacing['direction']): { x: number; y: number } {
  return direction === 'lr' ? { x: main, y: cross } : { x: cross, y: main };
}

/** Inner padding of a frame: one column on each side, no extra row. */
export function framePadding(direction: Spacing['direction']): { main: number; cross: number } {
  return toAxes({ width: 1, height: 0 }, direction);
}
