import { Box, Text } from 'ink';
import { useAppState, useTheme } from '../hooks/use-app-state.js';
import { currentFrame } from '../state/timeline.js';
import { formatClock } from '../view/format-clock.js';

/** The top row: the design, the mode (and where stepping stands), the virtual clock, what is down. */
export function Header({ width }: { readonly width: number }) {
  const theme = useTheme();
  const design = useAppState((s) => s.design);
  if (!design) return null;
  const { timeline, topology } = design;
  const frame = currentFrame(timeline);
  const hops = frame.trace?.hops.length ?? 0;
  const mode =
    design.mode === 'tour'
      ? `TOUR ${design.slide + 1}/${topology.tour.length}`
      : design.mode === 'spof'
        ? 'SPOF OVERLAY'
        : hops > 0
          ? `STEP ${timeline.hop}/${hops}`
          : 'EXPLORE';
  const past = timeline.at < timeline.frames.length - 1 ? ` (history ${timeline.at}/${timeline.frames.length - 1})` : '';
  const down = frame.sim.failed.length > 0 ? `  ${theme.symbols.down} down: ${frame.sim.failed.join(', ')}` : '';
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate-end">
        <Text {...theme.tone('title')}>{topology.title}</Text>
        <Text {...theme.tone('muted')}>{` (${topology.id}) `}</Text>
        <Text {...theme.tone('key')}>{` ${mode} `}</Text>
        <Text>{` t=${formatClock(frame.sim.now)}${past}`}</Text>
        <Text {...theme.tone('error')}>{down}</Text>
      </Text>
    </Box>
  );
}
