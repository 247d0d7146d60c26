import { Box } from 'ink';
import { composerItems } from '../commands/composer-items.js';
import { useAppState, useTheme } from '../hooks/use-app-state.js';
import { keyLabel } from '../keys/key-name.js';
import { seg } from '../view/line.js';
import { SegmentLine } from './segment-line.js';

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
      <SegmentLine segments={[seg('Send a request ', 'title'), seg(`(${arrows} then Enter, or its number; Esc cancels)`, 'muted')]} width={width} />
      {composerItems(topology).map((item, i) => (
        <SegmentLine
          key={item.label}
          segments={[seg(i === highlighted ? theme.symbols.pointer : ' ', 'key'), seg(` ${i + 1} ${item.label}`, i === highlighted ? 'title' : undefined)]}
          width={width}
        />
      ))}
    </Box>
  );
}
