import { Box, Text } from 'ink';
import { useTheme } from '../hooks/use-app-state.js';
import { MIN_COLUMNS, MIN_ROWS } from '../view/screen-plan.js';

/** Shown instead of a broken frame when the terminal is below the smallest usable size. */
export function TooSmall({ columns, rows }: { readonly columns: number; readonly rows: number }) {
  const theme = useTheme();
  const times = theme.ascii ? 'x' : '×';
  return (
    <Box flexDirection="column" width={columns} height={Math.max(1, rows - 1)}>
      <Text wrap="truncate-end" {...theme.tone('warn')}>{`terminal too small (needs ${MIN_COLUMNS}${times}${MIN_ROWS})`}</Text>
      <Text wrap="truncate-end" {...theme.tone('muted')}>{`now ${columns}${times}${rows}: enlarge the window, or q to quit`}</Text>
    </Box>
  );
}
