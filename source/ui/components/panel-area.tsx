import { Box } from 'ink';
import { useMemo } from 'react';
import { useAppState, useTheme } from '../hooks/use-app-state.js';
import type { SimState } from '../../sim/index.js';
import type { DesignState } from '../state/app-state.js';
import { liveSim } from '../state/live-sim.js';
import type { Theme } from '../theme.js';
import { configLines, inspectorLines, inspectorTitle } from '../view/inspector-lines.js';
import { mainContent } from '../view/main-content.js';
import { Composer } from './composer.js';
import { Panel, type PanelProps } from './panel.js';

type Content = Pick<PanelProps, 'title' | 'lines' | 'keep' | 'scrollKey'>;

function inspectorContent(sim: SimState, selected: string, page: DesignState['inspector'], width: number, theme: Theme): Content {
  const title = inspectorTitle(sim.topology, selected);
  const scrollKey = `${sim.topology.id} ${selected} ${page}`;
  if (page === 'config') return { title: `${title} · configuration (c: back)`, lines: configLines(sim.topology, selected), scrollKey };
  return { title, lines: inspectorLines(sim, selected, width, theme.symbols), scrollKey };
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
  const [a, b] = both ? split((direction === 'row' ? width : height) - gap, design?.traffic ? 0.65 : 0.55) : [0, 0];
  const mainSize = !both ? { width, height } : direction === 'row' ? { width: a, height } : { width, height: a };
  const inspectorSize = !both ? { width, height } : direction === 'row' ? { width: b, height } : { width, height: b };
  const main = useMemo(() => design && mainContent(design, mainSize.width, theme), [design, mainSize.width, theme]);
  // Stepping through hops leaves the engine state alone: the inspector is not recomputed then.
  const sim = design && liveSim(design);
  const selected = design?.selected ?? '';
  const page = design?.inspector ?? 'about';
  const inspector = useMemo(() => sim && inspectorContent(sim, selected, page, inspectorSize.width, theme), [sim, selected, page, inspectorSize.width, theme]);
  if (!design || !main || !inspector) return null;
  const first = composing ? <Composer {...mainSize} /> : <Panel {...main} {...mainSize} target="main" />;
  if (!both) return design.panel === 'trace' || composing ? first : <Panel {...inspector} {...inspectorSize} target="inspector" />;
  return (
    <Box flexDirection={direction} width={width} height={height} columnGap={gap}>
      {first}
      <Panel {...inspector} {...inspectorSize} target="inspector" />
    </Box>
  );
}

/** The main panel gets more than half: narration, logs and traffic need the room. */
function split(total: number, share: number): [number, number] {
  const first = Math.ceil(total * share);
  return [first, total - first];
}
