import { Box, Text } from 'ink';
import { useAppState, useTheme } from '../hooks/use-app-state.js';
import { toAscii } from '../../layout/index.js';

/**
 * The `:` line as the store holds it: the text with the cursor shown in inverse (a real
 * terminal cursor would fight Ink's redraws), and after a Tab with several matches, the
 * candidates. Editing happens in `routeKey`; this only draws. A line longer than the width
 * scrolls so that the cursor stays in view. Every piece is its own element, always there: Ink
 * 6.6 does not re-measure a text when a bare string is inserted between two of its children
 * (the first letter typed would show as `:…`), but it does when a string fills an element.
 */
export function CommandLine({ width }: { readonly width: number }) {
  const theme = useTheme();
  const line = useAppState((s) => s.line);
  const text = theme.ascii ? toAscii(line.text) : line.text;
  const start = Math.max(0, line.cursor - (width - 3));
  const before = text.slice(start, line.cursor);
  const under = text.slice(line.cursor, line.cursor + 1) || ' ';
  // Cut here to what fits, so Ink never truncates: its truncation adds a non-ASCII `…`.
  const room = Math.max(0, width - 2 - [...before].length);
  const after = [...text.slice(line.cursor + 1)].slice(0, room).join('');
  const candidates = [...(line.candidates.length > 0 ? `   ${line.candidates.join('  ')}` : '')].slice(0, Math.max(0, room - [...after].length)).join('');
  return (
    <Box width={width} height={1} overflow="hidden">
      <Text>
        <Text {...theme.tone('key')}>:</Text>
        <Text>{before}</Text>
        <Text inverse>{under}</Text>
        <Text>{after}</Text>
        <Text {...theme.tone('muted')}>{candidates}</Text>
      </Text>
    </Box>
  );
}
