import { Box, Text } from 'ink';
import SelectInput from 'ink-select-input';
import { useMemo } from 'react';
import { useAppContext } from '../app-context.js';
import { useAppState, useTheme } from '../hooks/use-app-state.js';
import { keyLabel } from '../keys/key-name.js';
import { fitWords } from '../view/fit-text.js';
import { Footer } from './footer.js';
import { HelpOverlay } from './help-overlay.js';
import { ListIndicator, ListItem } from './list-item.js';

/** The list's left edge: the padding, the pointer and its margin. */
const LIST_INDENT = 3;
/** Marks a design whose session is kept. */
const KEPT = '*';

/**
 * The home screen: the built-in designs with their numbers and summaries, each row cut at a
 * word to the width (so every row starts in the same column), a mark on those whose session
 * is kept. The list moves its highlight itself; Enter and the digits go through the key maps
 * like every other key. `?` shows the keys here.
 */
export function HomeScreen({ width, height }: { readonly width: number; readonly height: number }) {
  const { store, env } = useAppContext();
  const theme = useTheme();
  const designs = useMemo(() => env.designs(), [env]);
  const highlighted = useAppState((s) => s.highlighted);
  const overlay = useAppState((s) => s.overlay);
  const sessions = useAppState((s) => s.sessions);
  const idWidth = Math.max(...designs.map((d) => d.id.length)) + 2;
  const items = designs.map((d, index) => ({
    key: d.id,
    value: index,
    label: fitWords(`${d.number}${sessions[d.id] ? KEPT : ' '} ${d.id.padEnd(idWidth)}${d.summary}`, width - LIST_INDENT - 1),
  }));
  const kept = designs.some((d) => sessions[d.id]);
  const arrows = `${keyLabel('up', theme.ascii)}${keyLabel('down', theme.ascii)}`;
  if (overlay === 'help') {
    return (
      <Box flexDirection="column" width={width} height={height}>
        <HelpOverlay width={width} height={height - 2} />
        <Footer width={width} />
      </Box>
    );
  }
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Box flexDirection="column" flexGrow={1} paddingX={1} overflow="hidden">
        <Text {...theme.tone('title')}>infra-tui: watch web infrastructure work</Text>
        <Text wrap="wrap">Pick a design, send a request through it hop by hop, then break things and watch the traffic reroute.</Text>
        <Text> </Text>
        <Text {...theme.tone('muted')}>{`${arrows} then Enter, or the design's number:`}</Text>
        <SelectInput
          items={items}
          initialIndex={highlighted}
          isFocused={overlay === 'none'}
          onHighlight={(item) => store.dispatch({ type: 'highlight', index: item.value })}
          indicatorComponent={ListIndicator}
          itemComponent={ListItem}
        />
        <Text {...theme.tone('muted')}>{kept ? `${KEPT} kept as you left it: opening it goes on from there` : ' '}</Text>
        <Text wrap="wrap" {...theme.tone('muted')}>
          {env.fileAccess === false
            ? 'Only the built-in designs open here: run infra-tui on your own machine for a design of your own.'
            : 'Your own design: infra-tui path/to/design.yaml (infra-tui validate checks it first), or :goto path/to/design.yaml here.'}
        </Text>
      </Box>
      <Footer width={width} />
    </Box>
  );
}
