import { Box } from 'ink';
import { useMemo } from 'react';
import { useAppState, useTheme } from '../hooks/use-app-state.js';
import type { SimState } from '../../sim/types.js';
import type { DesignState } from '../state/app-state.js';
import { currentFrame } from '../state/timeline.js';
import type { Theme } from '../theme.js';
import { eventLines } from '../view/event-lines.js';
import { formatClock } from '../view/format-clock.js';
import { configLines, inspectorLines, inspectorTitle } from '../view/inspector-lines.js';
import { prose, type Line } from '../view/line.js';
import { wrapText } from '../view/wrap-text.js';
import { spofLines, tourLines, tourTitle } from '../view/mode-lines.js';
import { traceLines, traceTitle } from '../view/trace-lines.js';
import { Composer } from './composer.js';
import { Panel, type PanelProps } from './panel.js';

type Content = Pick<PanelProps, 'title' | 'lines' | 'keep'>;

/** The main panel: the tour slide, the SPOF table, the request being stepped, or the event log. */
function mainContent(design: DesignState, width: number, theme: Theme): Content {
  const { timeline, topology } = design;
  const frame = currentFrame(timeline);
  if (design.mode === 'tour') return { title: tourTitle(topology, design.slide), lines: tourLines(topology, design.slide, width) };
  if (design.mode === 'spof' && design.spof) return { title: 'Single points of failure (x or Esc closes)', lines: spofLines(design.spof) };
  if (frame.trace && timeline.hop > 0) {
    return { title: traceTitle(frame.trace, timeline.hop), lines: traceLines(frame.trace, timeline.hop, width, theme.symbols), keep: 'tail' };
  }
  const lines: Line[] = eventLines(timeline.frames, timeline.at, width);
  const title = `Events up to t=${formatClock(frame.sim.now)}`;
  return lines.length > 0 ? { title, lines, keep: 'tail' } : { title, lines: prose(wrapText(QUIET, width - 1), ' ', 'muted') };
}

/** What the empty event log says: how to make something happen. */
const QUIET =
  'Nothing has happened yet. Press s to send a request and Space to follow it hop by hop. Pick a box with the arrows or Tab, press Enter to take it down, then + to let time pass.';

function inspectorContent(sim: SimState, selected: string, page: DesignState['inspector'], width: number, theme: Theme): Content {
  const title = inspectorTitle(sim.topology, selected);
  if (page === 'config') return { title: `${title} · configuration (c: back)`, lines: configLines(sim.topology, selected) };
  return { title, lines: inspectorLines(sim, selected, width, theme.symbols) };
}

export interface PanelAreaProps {
  readonly width: number;
  readonly height: number;
  /** Panels side by side (below the diagram) or stacked (beside it). */
  readonly direction: 'row' | 'column';
  /** Show both panels, or only the one the user picked with `i`. */
  readonly both: boolean;
}

/** The panels under or beside the diagram; the composer takes the main panel's place while open. */
export function PanelArea({ width, height, direction, both }: PanelAreaProps) {
  const theme = useTheme();
  const design = useAppState((s) => s.design);
  const composing = useAppState((s) => s.overlay === 'composer');
  // Side by side, a one-column gap keeps the two panels' text apart.
  const gap = both && direction === 'row' ? 1 : 0;
  const [a, b] = both ? split((direction === 'row' ? width : height) - gap) : [0, 0];
  const mainSize = !both ? { width, height } : direction === 'row' ? { width: a, height } : { width, height: a };
  const inspectorSize = !both ? { width, height } : direction === 'row' ? { width: b, height } : { width, height: b };
  const main = useMemo(() => design && mainContent(design, mainSize.width, theme), [design, mainSize.width, theme]);
  // Stepping through hops leaves the engine state alone: the inspector is not recomputed then.
  const sim = design && currentFrame(design.timeline).sim;
  const selected = design?.selected ?? '';
  const page = design?.inspector ?? 'about';
  const inspector = useMemo(() => sim && inspectorContent(sim, selected, page, inspectorSize.width, theme), [sim, selected, page, inspectorSize.width, theme]);
  if (!design || !main || !inspector) return null;
  const first = composing ? <Composer {...mainSize} /> : <Panel {...main} {...mainSize} />;
  if (!both) return design.panel === 'trace' || composing ? first : <Panel {...inspector} {...inspectorSize} />;
  return (
    <Box flexDirection={direction} width={width} height={height} columnGap={gap}>
      {first}
      <Panel {...inspector} {...inspectorSize} />
    </Box>
  );
}

/** The main panel gets a little more than half: narration and logs need the room. */
function split(total: number): [number, number] {
  const first = Math.ceil(total * 0.55);
  return [first, total - first];
}
