import { Box } from 'ink';
import { useAppState, useTheme } from '../hooks/use-app-state.js';
import { activeKeyMaps } from '../keys/active-maps.js';
import { helpLines } from '../view/help-lines.js';
import { Panel } from './panel.js';

/**
 * `?`: every key of the current screen and the global ones, flowed into as many columns as the
 * height needs (two fit 80×24).
 */
export function HelpOverlay({ width, height }: { readonly width: number; readonly height: number }) {
  const theme = useTheme();
  const screen = useAppState((s) => s.screen);
  const design = useAppState((s) => s.design);
  const lines = helpLines(activeKeyMaps({ screen, design }), theme.ascii, true);
  const room = Math.max(1, height - 1);
  const columns = Math.max(1, Math.ceil(lines.length / room));
  const columnWidth = Math.floor(width / columns);
  return (
    <Box width={width} height={height}>
      {Array.from({ length: columns }, (_, i) => (
        <Panel
          key={i}
          title={i === 0 ? 'Keys (Esc or ? closes)' : ''}
          lines={lines.slice(i * room, (i + 1) * room)}
          width={i === columns - 1 ? width - columnWidth * i : columnWidth}
          height={height}
        />
      ))}
    </Box>
  );
}
