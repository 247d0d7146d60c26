import { Box, Text } from 'ink';
import { composerItems } from '../commands/composer-items.js';
import { useAppState, useTheme } from '../hooks/use-app-state.js';
import { keyLabel } from '../keys/key-name.js';

/**
 * The request composer, drawn from the store: the presets and "type your own", the highlighted
 * one marked with the pointer (and bold, for NO_COLOR). `routeKey` moves and picks.
 */
export function Composer({ width, height }: { readonly width: number; readonly height: number }) {
  const theme = useTheme();
  const topology = useAppState((s) => s.design?.topology);
  const highlighted = useAppState((s) => s.composer);
  if (!topology) return null;
  const arrows = `${keyLabel('up', theme.ascii)}${keyLabel('down', theme.ascii)}`;
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <Text wrap="truncate-end">
        <Text {...theme.tone('title')}>Send a request </Text>
        <Text {...theme.tone('muted')}>{`(${arrows} then Enter, or its number; Esc cancels)`}</Text>
      </Text>
      {composerItems(topology).map((item, i) => (
        <Text key={item.label} wrap="truncate-end" {...(i === highlighted ? theme.tone('title') : {})}>
          <Text {...theme.tone('key')}>{i === highlighted ? theme.symbols.pointer : ' '}</Text>
          {` ${i + 1} ${item.label}`}
        </Text>
      ))}
    </Box>
  );
}
