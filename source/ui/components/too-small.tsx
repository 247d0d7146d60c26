import { Box } from 'ink';
import { useTheme } from '../hooks/use-app-state.js';
import { seg } from '../view/line.js';
import { MIN_COLUMNS, MIN_ROWS } from '../view/screen-plan.js';
import { SegmentLine } from './segment-line.js';

/** Shown instead of a broken frame when the terminal is below the smallest usable size. */
export function TooSmall({ columns, rows }: { readonly columns: number; readonly rows: number }) {
  const theme = useTheme();
  const times = theme.ascii ? 'x' : '×';
  return (
    <Box flexDirection="column" width={columns} height={Math.max(1, rows - 1)}>
      <SegmentLine segments={[seg(`terminal too small (needs ${MIN_COLUMNS}${times}${MIN_ROWS})`, 'warn')]} width={columns} />
      <SegmentLine segments={[seg(`now ${columns}${times}${rows}: enlarge the window, or q to quit`, 'muted')]} width={columns} />
    </Box>
  );
}
