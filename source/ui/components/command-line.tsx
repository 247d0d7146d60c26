import { Box, Text } from 'ink';
import { useAppState, useTheme } from '../hooks/use-app-state.js';

/**
 * The `:` line as the store holds it: the text with the cursor shown in inverse (a real
 * terminal cursor would fight Ink's redraws), and after a Tab with several matches, the
 * candidates. Editing happens in `routeKey`; this only draws.
 */
export function CommandLine({ width }: { readonly width: number }) {
  const theme = useTheme();
  const line = useAppState((s) => s.line);
  const before = line.text.slice(0, line.cursor);
  const under = line.text.slice(line.cursor, line.cursor + 1) || ' ';
  const after = line.text.slice(line.cursor + 1);
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate-start">
        <Text {...theme.tone('key')}>:</Text>
        {before}
        <Text inverse>{under}</Text>
        {after}
        <Text {...theme.tone('muted')}>{line.candidates.length > 0 ? `   ${line.candidates.join('  ')}` : ''}</Text>
      </Text>
    </Box>
  );
}
