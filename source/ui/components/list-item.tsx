import { Box, Text } from 'ink';
import { useTheme } from '../hooks/use-app-state.js';
import { toAscii } from '../../layout/index.js';

/** The pointer of a select list, from the theme (`>` under `--ascii`, no colour under NO_COLOR). */
export function ListIndicator({ isSelected = false }: { readonly isSelected?: boolean }) {
  const theme = useTheme();
  return (
    <Box marginRight={1} flexShrink={0}>
      <Text {...theme.tone('key')}>{isSelected ? theme.symbols.pointer : ' '}</Text>
    </Box>
  );
}

/** A select-list row: bold when highlighted, so it shows without colour too. */
export function ListItem({ isSelected = false, label }: { readonly isSelected?: boolean; readonly label: string }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate-end" {...(isSelected ? theme.tone('title') : {})}>
      {theme.ascii ? toAscii(label) : label}
    </Text>
  );
}
