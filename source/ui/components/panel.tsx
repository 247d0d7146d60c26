import { Box } from 'ink';
import { memo, useMemo } from 'react';
import { useAppContext } from '../app-context.js';
import { useAppState, useTheme } from '../hooks/use-app-state.js';
import { upDownLabel } from '../keys/key-name.js';
import type { ScrollTarget } from '../state/app-state.js';
import { fitWords } from '../view/fit-text.js';
import { seg, type Line } from '../view/line.js';
import { positionLabel, scrollKeysFor, windowStart, type ScrollMetrics } from '../view/scroll-window.js';
import { wrapLine } from '../view/wrap-text.js';
import { SegmentLine } from './segment-line.js';

export interface PanelProps {
  readonly title: string;
  readonly lines: readonly Line[];
  readonly width: number;
  readonly height: number;
  /** Which end shows first when the lines do not fit: the first (`head`) or the newest (`tail`). */
  readonly keep?: 'head' | 'tail';
  /** The scroll keys move this panel when it is their target; without one it cannot scroll. */
  readonly target?: ScrollTarget;
  /** Names the content, so a new one starts at its default place (the title by default). */
  readonly scrollKey?: string;
  /** A line that shows by default wherever the window would be (the hop that failed). */
  readonly anchor?: number;
}

/**
 * A titled area of exactly `height` rows: a rule with the title, then the lines, wrapped at
 * spaces to the width. When they do not all fit, the rule ends with where the window is and
 * the keys that move it ("lines 5–12 of 30 ↑↓ PgUp PgDn"), and what it drew is left in the view
 * cache for those keys. Fixed sizes keep every frame the same height, so Ink redraws only
 * changed rows.
 */
export const Panel = memo(function Panel({ title, lines, width, height, keep = 'head', target, scrollKey, anchor }: PanelProps) {
  const theme = useTheme();
  const { view } = useAppContext();
  const spot = useAppState((s) => (target ? s.scroll[target] : undefined));
  const keys = useAppState((s) => (target ? scrollKeysFor(s, target, upDownLabel(theme.ascii)) : ''));
  const wrapped = useMemo(() => wrapRows(lines, width, anchor), [lines, width, anchor]);
  const room = Math.max(0, height - 1);
  const dash = theme.ascii ? '-' : '─';
  const draw = (rows: Rows) => {
    const metrics: ScrollMetrics = { key: scrollKey ?? title, total: rows.lines.length, room, keep, ...(rows.anchor === undefined ? {} : { anchor: rows.anchor }) };
    const start = windowStart(metrics, target ? spot : undefined);
    const shown = rows.lines.slice(start, start + room);
    const label = positionLabel(start, shown.length, rows.lines.length);
    const more = label === '' ? '' : target ? ` ${label} ${keys} ` : ` ${label} `;
    const titleRoom = Math.max(0, width - more.length - 1);
    return { metrics, shown, more, titleRoom, cut: title.length + 3 > titleRoom };
  };
  const plain = draw(wrapped);
  // A title the rule must cut is also the first row of the content, so it can be read whole.
  const { metrics, shown, more, titleRoom } = plain.cut ? draw(withTitle(wrapped, title, width)) : plain;
  if (target) (view.scroll ??= {})[target] = metrics;
  const head = `${dash} ${fitWords(title, Math.max(1, titleRoom - 3))} `;
  const rule = `${head.padEnd(titleRoom, dash)}${more}${dash}`.slice(0, width);
  return (
    <Box flexDirection="column" width={width} height={height}>
      <SegmentLine segments={[seg(rule, 'muted')]} width={width} />
      {shown.map((segments, i) => (
        <SegmentLine key={i} segments={segments} width={width} />
      ))}
    </Box>
  );
});

interface Rows {
  readonly lines: readonly Line[];
  readonly anchor?: number;
}

/** The rows with the title, wrapped, on top. */
function withTitle(rows: Rows, title: string, width: number): Rows {
  const head = wrapLine([seg(` ${title}`, 'title')], width);
  return { lines: [...head, ...rows.lines], ...(rows.anchor === undefined ? {} : { anchor: rows.anchor + head.length }) };
}

/** The lines wrapped to rows of the width, and the row where the anchor line begins. */
function wrapRows(lines: readonly Line[], width: number, anchor: number | undefined): Rows {
  const out: Line[] = [];
  let at: number | undefined;
  lines.forEach((l, i) => {
    if (i === anchor) at = out.length;
    out.push(...wrapLine(l, width));
  });
  return at === undefined ? { lines: out } : { lines: out, anchor: at };
}
