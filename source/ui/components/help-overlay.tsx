import { Box } from 'ink';
import { useAppState, useTheme } from '../hooks/use-app-state.js';
import { activeScopes } from '../keys/resolve-key.js';
import { helpLines } from '../view/help-lines.js';
import { line, seg } from '../view/line.js';
import { Panel } from './panel.js';

/** Narrower columns would cut the titles of the keys. */
const MIN_COLUMN = 40;

/**
 * `?`: every key of the current screen and the global ones, flowed into as many columns as the
 * height needs. The command-line forms come too when they fit; on a small terminal they give
 * way to the keys (the command line's Tab completion lists them), so no title is cut.
 */
export function HelpOverlay({ width, height }: { readonly width: number; readonly height: number }) {
  const theme = useTheme();
  const screen = useAppState((s) => s.screen);
  const design = useAppState((s) => s.design);
  const room = Math.max(1, height - 1);
  const maps = activeScopes({ screen, design, overlay: 'none' });
  const full = helpLines(maps, theme.ascii, true);
  const fits = Math.floor(width / Math.ceil(full.length / room)) >= MIN_COLUMN;
  const lines = fits ? full : [...helpLines(maps, theme.ascii, false), line(seg('Commands: type : then Tab', 'title'))];
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
