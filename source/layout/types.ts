/**
 * The contract of the layout layer: what the app passes in (a topology once, a view state every
 * frame) and what it gets back (a positioned layout, then styled lines). The layout never depends
 * on the view state, so boxes stay put while the simulation runs and only styles and symbols change.
 */
import type { EdgeKind } from '../model/edges.js';
import type { ComponentKind } from '../model/types.js';

declare const screenBrand: unique symbol;

/**
 * A character cell on the drawing: `x` is the column, `y` the row, both from 0 at the top left.
 * Branded so that abstract placement coordinates (main/cross axes, see `place-ranks`) cannot be
 * passed where a cell of the page is meant.
 */
export type ScreenPoint = { readonly x: number; readonly y: number } & { readonly [screenBrand]: true };

export const screenPoint = (x: number, y: number): ScreenPoint => ({ x, y }) as ScreenPoint;

/** A link as the simulation names it: a hop, or a request path step. */
export interface Link {
  readonly from: string;
  readonly to: string;
}

/** What the app currently shows on top of the drawing. Every field is optional. */
export interface ViewState {
  /** Components or hosts that are down (reality): drawn with ✗ (`X`) and the `failed` style. */
  readonly failed?: readonly string[];
  /** Backends some load balancer believes down: drawn with `?` and the `believed-down` style. */
  readonly believedDown?: readonly string[];
  /** Hops already taken by the current request (styled `path`). */
  readonly path?: readonly Link[];
  /** The hop being shown now (styled `active`); a response hop gets an arrowhead pointing back. */
  readonly active?: Link & { readonly direction: 'request' | 'response' };
  /** The component or host under the cursor: drawn with a heavy border (`*` in ASCII). */
  readonly selected?: string;
  /** Components the current tour slide or issue is about: drawn with a double border (`#` in ASCII). */
  readonly focus?: readonly string[];
  /** Short per-component text (a counter, a utilization) drawn on the box's bottom edge or under it. */
  readonly badges?: Readonly<Record<string, string>>;
  /** Short per-component marks (e.g. a SPOF impact letter) drawn on the box's top edge. */
  readonly marks?: Readonly<Record<string, string>>;
}

/** How a span should look; the UI maps styles to colours, plain output ignores them. */
export type Style =
  | 'plain'
  | 'frame'
  | 'label'
  | 'muted'
  | 'failed'
  | 'believed-down'
  | 'active'
  | 'path'
  | 'selected'
  | 'focus'
  | 'encrypted'
  | 'plaintext'
  | 'badge'
  | 'mark';

export interface Span {
  readonly text: string;
  readonly style: Style;
}
/** One row of the drawing; adjacent spans never share a style. */
export type StyledLine = readonly Span[];

/**
 * How boxes are drawn: `tall` boxes have a border and three rows, `flat` ones are one row
 * (`[nginx-1]`), used when room is short.
 */
export type BoxShape = 'tall' | 'flat';

/**
 * The arrangements `layoutTopology` chooses from, roomiest first: the request flows left to right
 * (tall boxes, then one-row boxes), then `dense` (one-row boxes, each host a three-row frame with
 * its firewalls, code and agents as small boxes on its border, clients and DNS in a row on top),
 * or top to bottom when the terminal is too narrow for any of those.
 */
export type Arrangement = 'left-to-right' | 'compact' | 'dense' | 'top-to-bottom';

export interface LayoutBox {
  readonly id: string;
  readonly kind: 'component' | 'host';
  /** Top-left corner and size in character cells. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  /** The text drawn in (components) or on the top border of (hosts) the box. */
  readonly label: string;
  readonly shape: BoxShape;
  /** For components: the kind and the host drawn around it (firewalls: the host they guard). */
  readonly componentKind?: ComponentKind;
  readonly host?: string;
}

/** A labelled frame around several hosts, e.g. the VIP pair of load balancers. Not selectable. */
interface LayoutFrame {
  readonly id: string;
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface LayoutEdge {
  /** The drawn ends (a firewall may stand between the ends of a link, splitting it in two). */
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  /** The links of the topology this drawn edge carries: highlighting any of them lights it. */
  readonly links: readonly Link[];
  readonly encrypted: boolean;
  /**
   * The cells the line runs through, in order: the first is next to the `from` box, the last is
   * the arrowhead cell next to the `to` box. Consecutive cells are 4-neighbours.
   */
  readonly cells: readonly ScreenPoint[];
  /** A protocol/port label written over a straight run of the line, when one fitted. */
  readonly label?: { readonly text: string; readonly at: ScreenPoint };
}

/** A line of text on the drawing that belongs to no box: the caption of a monitoring service. */
export interface LayoutNote {
  readonly text: string;
  readonly x: number;
  readonly y: number;
}

export interface Layout {
  readonly width: number;
  readonly height: number;
  readonly arrangement: Arrangement;
  readonly shape: BoxShape;
  /** Components and hosts, components after the hosts that contain them. */
  readonly boxes: readonly LayoutBox[];
  readonly frames: readonly LayoutFrame[];
  /**
   * The lines between components. Agents' links to their monitoring service are not drawn as
   * lines (they would cross the whole picture): the service carries a caption naming them.
   */
  readonly edges: readonly LayoutEdge[];
  readonly notes: readonly LayoutNote[];
  /** Legend lines explaining the line styles and symbols, placed under the drawing (may be empty). */
  readonly legend: readonly string[];
  /** Whether the drawing uses only 7-bit characters. */
  readonly ascii: boolean;
  /**
   * In a collapsed drawing, the id of the box that stands for each component and host (its
   * group's first member; see `collapseTopology`); absent when each is drawn as itself.
   */
  readonly drawnAs?: ReadonlyMap<string, string>;
}

export interface LayoutOptions {
  /** The widest line allowed; the layout never exceeds it. */
  readonly width: number;
  /** The rows available, when limited: a denser arrangement is chosen to fit if one does. */
  readonly height?: number;
  readonly ascii: boolean;
  /** Append the legend lines (default true). */
  readonly legend?: boolean;
  /**
   * Draw alike components as one box when there are more than `DRAWN_LIMIT` (default true);
   * false draws every one, which takes seconds for hundreds.
   */
  readonly collapse?: boolean;
  /**
   * Draw the lines between the boxes (default true). False, with `collapse` false, draws a big
   * topology box by box without them: routing hundreds of lines takes seconds.
   */
  readonly lines?: boolean;
}
