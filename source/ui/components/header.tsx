import { Box } from 'ink';
import { builtinIds } from '../../model/builtin-ids.js';
import { failureStates } from '../../model/failure-looks.js';
import { failuresOf } from '../../sim/index.js';
import { useAppState, useTheme } from '../hooks/use-app-state.js';
import type { DesignState } from '../state/app-state.js';
import { liveSim } from '../state/live-sim.js';
import { shownTime } from '../state/play.js';
import { currentFrame, historySteps } from '../state/timeline.js';
import { formatClock } from '../view/format-clock.js';
import { failureList } from '../view/failure-view.js';
import { fitWords } from '../view/fit-text.js';
import { seg } from '../view/line.js';
import { SegmentLine } from './segment-line.js';

/** What the header says the user is doing: touring, the SPOF overlay, traffic, stepping, or exploring. */
function modeLabel(design: DesignState): string {
  const { timeline, topology, traffic } = design;
  const hops = currentFrame(timeline).trace?.hops.length ?? 0;
  if (design.mode === 'tour') return `TOUR ${design.slide + 1}/${topology.tour.length}`;
  if (design.mode === 'spof') return 'SPOF OVERLAY';
  if (traffic) return `TRAFFIC ${traffic.state.options.qps} QPS ${traffic.speed === 0 ? 'PAUSED' : `${traffic.speed}×`}`;
  const playing = design.play.playing ? ` PLAY ${design.play.speed}×` : '';
  return hops > 0 && !design.folded ? `STEP ${timeline.hop}/${hops}${playing}` : 'EXPLORE';
}

/** Two spaces before a part of the header, none before an empty one. */
const gap = (text: string) => (text ? `  ${text}` : '');

/** The top row: the design, the mode, the virtual clock, where in the history, what is down. */
export function Header({ width }: { readonly width: number }) {
  const theme = useTheme();
  const design = useAppState((s) => s.design);
  if (!design) return null;
  const { timeline, topology } = design;
  const sim = liveSim(design);
  const number = (builtinIds as readonly string[]).indexOf(topology.id);
  const last = historySteps(timeline);
  const past = timeline.at < last && !design.traffic ? ` (history ${timeline.at}/${last})` : '';
  const failed = failuresOf(sim);
  const prefix = number < 0 ? '' : `${number} `;
  const id = ` (${topology.id})  `;
  // What is down matters more than the design's name: the name makes room first, then the lists
  // become counts ("✗ 3 down"), never a list cut in the middle.
  const stateOf = (listed: boolean) => [
    seg(modeLabel(design), 'key'),
    seg(`  t=${formatClock(shownTime(design))}${past}`),
    ...failureStates.map(([state, look]) => seg(gap(failureList(state, failed[state], theme.symbols.failure[state], listed)), look.tone)),
  ];
  const length = (segments: readonly { text: string }[]) => segments.reduce((n, s) => n + s.text.length, 0);
  const listed = stateOf(true);
  const state = prefix.length + Math.min(topology.title.length, 12) + 2 + length(listed) <= width ? listed : stateOf(false);
  const room = width - length(state);
  const fits = prefix.length + topology.title.length + id.length <= room;
  const title = fitWords(topology.title, Math.max(1, room - prefix.length - 2));
  const segments = [seg(prefix, 'muted'), seg(title, 'title'), seg(fits ? id : '  ', 'muted'), ...state];
  return (
    <Box width={width} height={1}>
      <SegmentLine segments={segments} width={width} />
    </Box>
  );
}
