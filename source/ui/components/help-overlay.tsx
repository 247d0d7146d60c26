import { Box } from 'ink';
import { useAppState, useTheme } from '../hooks/use-app-state.js';
import { activeScopes } from '../keys/resolve-key.js';
import { helpLines } from '../view/help-lines.js';
import type { Line } from '../view/line.js';
import { Panel } from './panel.js';

const TITLE = 'Keys (Esc or ? closes)';
const widthOf = (l: Line) => l.reduce((n, s) => n + [...s.text].length, 0);

/**
 * `?`, on every screen: every key in force there, then the command-line forms. Flowed into
 * columns when every line fits whole in them; otherwise one column that wraps at spaces and
 * scrolls (its title says where it is), so no word is ever cut.
 */
export function HelpOverlay({ width, height }: { readonly width: number; readonly height: number }) {
  const theme = useTheme();
  const screen = useAppState((s) => s.screen);
  const design = useAppState((s) => s.design);
  const overlay = useAppState((s) => s.overlay);
  const room = Math.max(1, height - 1);
  const lines = helpLines(activeScopes({ screen, design, overlay }), theme.ascii, true);
  const columns = Math.max(1, Math.ceil(lines.length / room));
  const columnWidth = Math.floor(width / columns);
  const flows = columns > 1 && lines.every((l) => widthOf(l) < columnWidth);
  if (!flows) return <Panel title={TITLE} lines={lines} width={width} height={height} target="help" scrollKey={`help ${screen} ${design?.topology.id ?? ''}`} />;
  return (
    <Box width={width} height={height}>
      {Array.from({ length: columns }, (_, i) => (
        <Panel
          key={i}
          title={i === 0 ? TITLE : ''}
          lines={lines.slice(i * room, (i + 1) * room)}
          width={i === columns - 1 ? width - columnWidth * i : columnWidth}
          height={height}
        />
      ))}
    </Box>
  );
}
