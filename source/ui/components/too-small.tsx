import { Box } from 'ink';
import { useTheme } from '../hooks/use-app-state.js';
import { seg } from '../view/line.js';
import { MIN_COLUMNS, MIN_ROWS } from '../view/screen-plan.js';
import { SegmentLine } from './segment-line.js';

/**
 * Shown instead of a broken frame when the terminal is below the smallest usable size. Never
 * taller than rows − 1 (one line on a terminal of one or two rows), so it never scrolls.
 */
export function TooSmall({ columns, rows }: { readonly columns: number; readonly rows: number }) {
  const theme = useTheme();
  const times = theme.ascii ? 'x' : '×';
  const needs = `terminal too small (needs ${MIN_COLUMNS}${times}${MIN_ROWS})`;
  const now = `now ${columns}${times}${rows}: enlarge the window, or q to quit`;
  const height = Math.max(1, rows - 1);
  const lines = height >= 2 ? [seg(needs, 'warn'), seg(now, 'muted')] : [seg(`${needs}; ${now}`, 'warn')];
  return (
    <Box flexDirection="column" width={columns} height={height}>
      {lines.map((line, i) => (
        <SegmentLine key={i} segments={[line]} width={columns} />
      ))}
    </Box>
  );
}
