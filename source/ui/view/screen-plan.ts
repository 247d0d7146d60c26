import type { Layout } from '../../layout/index.js';

/** Rows the header and the footer take. */
const HEADER_ROWS = 1;
const FOOTER_ROWS = 2;
/** Below this the app shows "terminal too small" instead of a broken frame. */
export const MIN_COLUMNS = 60;
export const MIN_ROWS = 18;

/** Lays a topology out within limits (the layout layer, memoized by the caller). */
export type Measure = (width: number, height: number, legend: boolean) => Layout;
/** The same layout when it fits `height`, else undefined (the layout layer's `layoutIfFits` may skip work for it). */
export type MeasureIfFits = (width: number, height: number, legend: boolean) => Layout | undefined;

export interface ScreenPlan {
  readonly layout: Layout;
  /** The frame's height: one less than the terminal, so Ink never clears and redraws it all. */
  readonly height: number;
  readonly body: number;
  readonly diagram: { readonly width: number; readonly height: number };
  /** Panels to the right of the diagram (wide terminals) or below it. */
  readonly side: boolean;
  readonly panel: { readonly width: number; readonly height: number };
  /** Whether trace and inspector are both shown (else the one `DesignState.panel` names). */
  readonly both: boolean;
}

/** A diagram beside the panels must fill this share of the rows, or the panels go below it. */
const SIDE_FILL = 0.6;
/** Below the diagram on a wide terminal, the panels keep at least this share of the rows. */
const WIDE_PANEL_SHARE = 0.4;

/**
 * Shares the terminal between the diagram and the panels. Wide terminals put the panels in a
 * column on the right when the diagram fits beside them and is tall enough to use the rows
 * that column gives up; otherwise the diagram goes on top and the panels below get at least
 * `minPanel` rows (on wide terminals, a share that keeps traffic and narration readable).
 * Guaranteed: every part fits in the terminal. Where only a layout that fits is of use, it asks
 * `ifFits` (by default `measure`, checked).
 */
export function planScreen(columns: number, rows: number, measure: Measure, ifFits: MeasureIfFits = fitsOf(measure)): ScreenPlan {
  const height = rows - 1;
  const body = height - HEADER_ROWS - FOOTER_ROWS;
  const wide = columns >= 120;
  if (wide) {
    const panelWidth = Math.min(64, Math.max(40, Math.round(columns * 0.36)));
    const diagramWidth = columns - panelWidth - 1;
    const layout = ifFits(diagramWidth, body, true) ?? ifFits(diagramWidth, body, false);
    if (layout && layout.width <= diagramWidth && layout.height >= body * SIDE_FILL) {
      return { layout, height, body, diagram: { width: diagramWidth, height: body }, side: true, panel: { width: panelWidth, height: body }, both: true };
    }
  }
  const minPanel = wide ? Math.ceil(body * WIDE_PANEL_SHARE) : Math.min(10, Math.max(5, Math.floor(body / 3)));
  // With its legend when that still fits, else without.
  const layout = ifFits(columns, body - minPanel, true) ?? measure(columns, body - minPanel, false);
  const diagramHeight = Math.min(layout.height, body - minPanel);
  return {
    layout,
    height,
    body,
    diagram: { width: columns, height: diagramHeight },
    side: false,
    panel: { width: columns, height: body - diagramHeight },
    both: columns >= 100,
  };
}

function fitsOf(measure: Measure): MeasureIfFits {
  return (width, height, legend) => {
    const layout = measure(width, height, legend);
    return layout.height <= height ? layout : undefined;
  };
}
