import { Box } from 'ink';
import { useTheme } from '../hooks/use-app-state.js';
import { seg } from '../view/line.js';
import { wrapText } from '../view/wrap-text.js';
import { MIN_COLUMNS, MIN_ROWS } from '../view/screen-plan.js';
import { SegmentLine } from './segment-line.js';

/**
 * Shown instead of a broken frame when the terminal is below the smallest usable size, wrapped
 * to its width. Never taller than rows − 1 (one line on a terminal of one or two rows), so it
 * never scrolls.
 */
export function TooSmall({ columns, rows }: { readonly columns: number; readonly rows: number }) {
  const theme = useTheme();
  const times = theme.ascii ? 'x' : '×';
  const needs = `terminal too small (needs ${MIN_COLUMNS}${times}${MIN_ROWS})`;
  const now = `now ${columns}${times}${rows}: enlarge the window, or q to quit`;
  const height = Math.max(1, rows - 1);
  // Wrapped to the width, so a very narrow terminal still reads the whole of it.
  const wrapped = [...wrapText(needs, columns).map((t) => seg(t, 'warn')), ...wrapText(now, columns).map((t) => seg(t, 'muted'))];
  const lines = wrapped.length <= height ? wrapped : wrapText(`${needs}; ${now}`, columns).slice(0, height).map((t) => seg(t, 'warn'));
  return (
    <Box flexDirection="column" width={columns} height={height}>
      {lines.map((line, i) => (
        <SegmentLine key={i} segments={[line]} width={columns} />
      ))}
    </Box>
  );
}
