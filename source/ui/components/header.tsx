import { Box } from 'ink';
import { builtinIds } from '../../model/builtin-ids.js';
import { isHung } from '../../sim/index.js';
import { useAppState, useTheme } from '../hooks/use-app-state.js';
import type { DesignState } from '../state/app-state.js';
import { liveSim } from '../state/live-sim.js';
import { currentFrame } from '../state/timeline.js';
import { formatClock } from '../view/format-clock.js';
import { seg } from '../view/line.js';
import { HUNG_MARK } from '../view/view-state.js';
import { SegmentLine } from './segment-line.js';

/** What the header says the user is doing: touring, the SPOF overlay, traffic, stepping, or exploring. */
function modeLabel(design: DesignState): string {
  const { timeline, topology, traffic } = design;
  const hops = currentFrame(timeline).trace?.hops.length ?? 0;
  if (design.mode === 'tour') return `TOUR ${design.slide + 1}/${topology.tour.length}`;
  if (design.mode === 'spof') return 'SPOF OVERLAY';
  if (traffic) return `TRAFFIC ${traffic.state.options.qps} QPS ${traffic.speed === 0 ? 'PAUSED' : `${traffic.speed}×`}`;
  return hops > 0 && !design.folded ? `STEP ${timeline.hop}/${hops}` : 'EXPLORE';
}

/** The top row: the design, the mode, the virtual clock, where in the history, what is down. */
export function Header({ width }: { readonly width: number }) {
  const theme = useTheme();
  const design = useAppState((s) => s.design);
  if (!design) return null;
  const { timeline, topology } = design;
  const sim = liveSim(design);
  const number = (builtinIds as readonly string[]).indexOf(topology.id);
  const last = timeline.frames.length - 1;
  const past = timeline.at < last && !design.traffic ? ` (history ${timeline.at}/${last})` : '';
  const down = sim.failed.length > 0 ? `  ${theme.symbols.down} down: ${sim.failed.join(', ')}` : '';
  const hung = sim.hung.filter((id) => isHung(sim, id));
  const state = [
    seg(modeLabel(design), 'key'),
    seg(`  t=${formatClock(sim.now)}${past}`),
    seg(down, 'error'),
    seg(hung.length > 0 ? `  ${HUNG_MARK} hung: ${hung.join(', ')}` : '', 'warn'),
  ];
  // What is down matters more than the design's id: on a narrow terminal the id makes room.
  const room = width - state.reduce((n, s) => n + s.text.length, 0);
  const prefix = number < 0 ? '' : `${number} `;
  const id = ` (${topology.id})  `;
  const fits = prefix.length + topology.title.length + id.length <= room;
  const segments = [seg(prefix, 'muted'), seg(topology.title, 'title'), seg(fits ? id : '  ', 'muted'), ...state];
  return (
    <Box width={width} height={1}>
      <SegmentLine segments={segments} width={width} />
    </Box>
  );
}
