import { failureLooks } from '../model/failure-looks.js';
import { kindSpecs } from '../model/kinds.js';
import { arrowGlyph, type Weight } from './ascii.js';
import { bitOf, box, createCanvas, isOpen, line, text, type Canvas } from './canvas.js';
import type { Layout, LayoutBox, LayoutEdge, Link, Style, StyledLine, ViewState } from './types.js';
import { toStyledLines } from './canvas.js';
import { drawnView } from './drawn-view.js';
import { titleSpan } from './frame-title.js';
import { dx, dy, type Dir } from './grid-search.js';

/** What the view says about one box. */
interface BoxState {
  readonly failed: boolean;
  readonly believedDown: boolean;
  readonly selected: boolean;
  readonly focus: boolean;
}

/** A box drawn at the door of a host it does not run on (a firewall): the host failing leaves it standing. */
const isGate = (b: LayoutBox) => b.componentKind !== undefined && kindSpecs[b.componentKind].look.placement === 'gate';

/** The view's failed ids as a set, built once per view (the app renders every frame). */
const failedSets = new WeakMap<ViewState, ReadonlySet<string>>();

function boxState(b: LayoutBox, view: ViewState): BoxState {
  let failed = failedSets.get(view);
  if (!failed) {
    failed = new Set(view.failed ?? []);
    failedSets.set(view, failed);
  }
  return {
    failed: failed.has(b.id) || (b.kind === 'component' && !isGate(b) && b.host !== undefined && failed.has(b.host)),
    believedDown: (view.believedDown ?? []).includes(b.id),
    selected: view.selected === b.id,
    focus: (view.focus ?? []).includes(b.id),
  };
}

function styleOf(s: BoxState, normal: Style): Style {
  if (s.failed) return 'failed';
  if (s.believedDown) return 'believed-down';
  if (s.selected) return 'selected';
  if (s.focus) return 'focus';
  return normal;
}

const weightOf = (s: BoxState, normal: Weight): Weight => (s.selected ? 'heavy' : s.focus ? 'double' : normal);
/** A failed box's symbol: the failure table's for the state drawn failed. */
const FAILED = failureLooks.down.symbol;
const symbolOf = (s: BoxState, mark: string | undefined): string => (s.failed ? FAILED : s.believedDown ? '?' : (mark?.charAt(0) ?? ' '));

/** Component boxes, gates flagged (frame titles keep clear of them). */
const gates = (layout: Layout) => layout.boxes.filter((b) => b.kind === 'component').map((b) => ({ ...b, gate: isGate(b) }));

function drawHost(c: Canvas, b: LayoutBox, layout: Layout, components: ReturnType<typeof gates>, view: ViewState): void {
  const s = boxState(b, view);
  box(c, b.x, b.y, b.width, b.height, weightOf(s, 'rounded'), styleOf(s, 'frame'));
  const span = titleSpan(b, b.label, components, layout.arrangement === 'top-to-bottom');
  const title = `${s.failed ? FAILED : ' '}${b.label} `.slice(0, Math.max(0, b.width - 3));
  text(c, span.x, span.y, title, s.failed ? 'failed' : 'label');
}

function drawComponent(c: Canvas, b: LayoutBox, view: ViewState): void {
  const s = boxState(b, view);
  const style = styleOf(s, 'plain');
  const mark = view.marks?.[b.id];
  const labelStyle = style === 'plain' ? 'label' : style;
  if (b.shape === 'tall') {
    box(c, b.x, b.y, b.width, b.height, weightOf(s, 'light'), style);
    const mid = b.y + Math.floor(b.height / 2);
    text(c, b.x + 1, mid, symbolOf(s, undefined), style);
    text(c, b.x + 2, mid, b.label, labelStyle);
    if (mark) text(c, Math.max(b.x + 1, b.x + b.width - 1 - mark.length), b.y, mark.slice(0, b.width - 2), 'mark');
    const badge = view.badges?.[b.id];
    if (badge) {
      const shown = badge.slice(0, b.width - 2);
      text(c, b.x + Math.floor((b.width - shown.length) / 2), b.y + b.height - 1, shown, 'badge');
    }
    return;
  }
  const [open, close] = s.selected ? ['«', '»'] : s.focus ? ['{', '}'] : ['[', ']'];
  const symbol = symbolOf(s, mark);
  // A blank symbol cell keeps what is under it: the border of a dense frame, or the space after its title.
  if (symbol !== ' ') text(c, b.x, b.y, symbol, mark && !s.failed && !s.believedDown ? 'mark' : style);
  text(c, b.x + 1, b.y, open, style);
  text(c, b.x + 2, b.y, b.label, labelStyle);
  text(c, b.x + b.width - 1, b.y, close, style);
}

/**
 * A one-row box's badge: under it, else over it, where the cells are empty or a frame's plain
 * border (a dense frame's middle row sits between its borders); whole when it fits there, else
 * cut to the box. Drawn after the lines, so it never breaks one.
 */
function drawFlatBadge(c: Canvas, b: LayoutBox, badge: string): void {
  for (const y of [b.y + 1, b.y - 1]) {
    for (const shown of [badge, badge.slice(0, b.width - 1)]) {
      // Slid a little along the box when a line crosses its row right there.
      for (const shift of [0, -1, 1, -2, 2]) {
        const x = b.x + 1 + shift;
        if ([...shown].every((_, k) => isOpen(c, x + k, y))) {
          text(c, x, y, shown, 'badge');
          return;
        }
      }
    }
  }
}

const sameLink = (a: Link, b: Link) => (a.from === b.from && a.to === b.to) || (a.from === b.to && a.to === b.from);

function edgeStyle(e: LayoutEdge, view: ViewState): { style: Style; active: boolean } {
  if (view.active && e.links.some((l) => sameLink(l, view.active as Link))) return { style: 'active', active: true };
  if ((view.path ?? []).some((p) => e.links.some((l) => sameLink(l, p)))) return { style: 'path', active: false };
  return { style: e.kind === 'monitoring' ? 'muted' : e.encrypted ? 'encrypted' : 'plaintext', active: false };
}

/** The direction (0 up, 1 right, 2 down, 3 left) from a cell next to a box into the box. */
function into(b: LayoutBox, x: number, y: number): Dir {
  if (x < b.x) return 1;
  if (x >= b.x + b.width) return 3;
  return y < b.y ? 2 : 0;
}

function drawEdge(c: Canvas, e: LayoutEdge, boxes: ReadonlyMap<string, LayoutBox>, view: ViewState, ascii: boolean): void {
  const { style, active } = edgeStyle(e, view);
  // The active hop is drawn heavy, so it shows without colour too.
  const weight: Weight = active ? 'heavy' : e.kind === 'monitoring' ? 'dashed' : e.encrypted ? 'double' : 'light';
  const from = boxes.get(e.from);
  const to = boxes.get(e.to);
  const first = e.cells[0];
  const last = e.cells[e.cells.length - 1];
  if (!from || !to || !first || !last) return;
  const dirTo = (a: { x: number; y: number }, b: { x: number; y: number }): Dir => (b.x > a.x ? 1 : b.x < a.x ? 3 : b.y > a.y ? 2 : 0);
  e.cells.forEach((cell, i) => {
    let bits = 0;
    const prev = e.cells[i - 1];
    const next = e.cells[i + 1];
    if (prev) bits |= bitOf[dirTo(cell, prev)];
    else bits |= bitOf[into(from, cell.x, cell.y)];
    if (next) bits |= bitOf[dirTo(cell, next)];
    line(c, cell.x, cell.y, bits, weight, style);
  });
  if (from.shape === 'tall') {
    const d = into(from, first.x, first.y);
    const bx = first.x + dx[d];
    const by = first.y + dy[d];
    line(c, bx, by, bitOf[((d + 2) & 3) as Dir], weight, 'plain');
  }
  if (e.label) text(c, e.label.at.x, e.label.at.y, e.label.text, style === 'active' || style === 'path' ? style : 'label');
  const arrowInto = into(to, last.x, last.y);
  text(c, last.x, last.y, arrowGlyph(arrowInto, ascii), style);
  if (active && view.active?.direction === 'response') text(c, first.x, first.y, arrowGlyph(into(from, first.x, first.y), ascii), style);
}

/**
 * Draws a layout with the view's states on it: frames, then boxes, then lines (highlighted ones
 * last, so they stay visible where lines share cells), then the legend. States are shown by
 * symbols and borders as well as styles, so plain text still tells them apart: ✗ (`X`) down,
 * `?` believed down, heavy (`*`) border selected, double (`#`) border in focus, heavy line
 * (`*`) for the active hop.
 * Guaranteed: exactly `layout.height` lines, none longer than `layout.width`; pure 7-bit
 * characters when `options.ascii`.
 */
export function renderDiagram(layout: Layout, state: ViewState, options: { readonly ascii: boolean }): StyledLine[] {
  const view = drawnView(state, layout);
  const c = createCanvas(layout.width, layout.height);
  const components = gates(layout);
  for (const f of layout.frames) {
    box(c, f.x, f.y, f.width, f.height, 'dashed', 'frame');
    const span = titleSpan(f, f.label, components, layout.arrangement === 'top-to-bottom');
    text(c, span.x, span.y, ` ${f.label} `.slice(0, Math.max(0, f.width - 3)), 'label');
  }
  for (const b of layout.boxes) if (b.kind === 'host') drawHost(c, b, layout, components, view);
  const byId = new Map(layout.boxes.filter((b) => b.kind === 'component').map((b) => [b.id, b]));
  for (const b of byId.values()) drawComponent(c, b, view);
  const order = new Map(layout.edges.map((e) => [e, ({ active: 2, path: 1 })[edgeStyle(e, view).style as 'active' | 'path'] ?? 0]));
  const edges = [...layout.edges].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  for (const e of edges) drawEdge(c, e, byId, view, options.ascii);
  for (const n of layout.notes) text(c, n.x, n.y, n.text, 'muted');
  for (const b of byId.values()) {
    const badge = view.badges?.[b.id];
    if (badge && b.shape === 'flat') drawFlatBadge(c, b, badge);
  }
  layout.legend.forEach((l, i) => text(c, 0, layout.height - layout.legend.length + i, l, 'muted'));
  return toStyledLines(c, options.ascii);
}

/** The drawing as plain text, one line per row, with no trailing spaces and a final newline. */
export function toPlainText(lines: readonly StyledLine[]): string {
  return lines.map((l) => l.map((s) => s.text).join('').trimEnd()).join('\n') + '\n';
}
