import { Box } from 'ink';
import { useEffect, useMemo } from 'react';
import { layoutIfFits, layoutTopology, renderDiagram, type LayoutOptions } from '../../layout/index.js';
import { useAppContext } from '../app-context.js';
import { useAppState, useTheme } from '../hooks/use-app-state.js';
import { scenarioLines, scenarioShows } from '../view/scenario-lines.js';
import { planScreen } from '../view/screen-plan.js';
import { diagramTop } from '../view/diagram-top.js';
import { viewStateOf } from '../view/view-state.js';
import { DiagramView } from './diagram-view.js';
import { Footer } from './footer.js';
import { Header } from './header.js';
import { HelpOverlay } from './help-overlay.js';
import { PanelArea } from './panel-area.js';
import { SegmentLine } from './segment-line.js';

/**
 * The topology screen: header, a scenario's narration (while one shows some), diagram, panels,
 * footer, in exactly `rows - 1` rows. The layout
 * is recomputed only when the design or the terminal size changes; each action only restyles it.
 */
export function DesignScreen({ columns, rows }: { readonly columns: number; readonly rows: number }) {
  const theme = useTheme();
  const { view: cache, env } = useAppContext();
  const notes = env.presenterNotes !== false;
  const design = useAppState((s) => s.design);
  const overlay = useAppState((s) => s.overlay);
  const run = useAppState((s) => s.scenario);
  const topology = design?.topology;
  // A scenario's narration, note, question or pause take rows from the top, a third of them at most.
  const story = useMemo(
    () => (scenarioShows(run, notes) ? scenarioLines(run, columns, Math.floor(rows / 3), theme.symbols, notes) : []),
    [run, columns, rows, theme.symbols, notes],
  );
  const planned = rows - story.length;
  const expanded = design?.expanded === true;
  const plan = useMemo(() => {
    if (!topology) return undefined;
    const options = (width: number, height: number, legend: boolean): LayoutOptions & { height: number } => ({ width, height, ascii: theme.ascii, legend, collapse: !expanded, lines: !expanded });
    return planScreen(
      columns,
      planned,
      (width, height, legend) => layoutTopology(topology, options(width, height, legend)),
      (width, height, legend) => layoutIfFits(topology, options(width, height, legend)),
    );
  }, [topology, columns, planned, theme.ascii, expanded]);
  const view = useMemo(() => design && plan && viewStateOf(design, plan.layout.boxes), [design, plan]);
  const lines = useMemo(() => plan && view && renderDiagram(plan.layout, view, { ascii: theme.ascii }), [plan, view, theme.ascii]);
  const selected = design?.selected;
  // Drawn box by box, a big design is taller than the screen: the rows shown follow the selection.
  const top = plan && lines && expanded ? diagramTop(plan.layout, selected, plan.diagram.height) : 0;
  useEffect(() => {
    cache.boxes = plan?.layout.boxes ?? [];
  }, [cache, plan]);
  if (!plan || !lines) return null;
  const body =
    overlay === 'help' ? (
      <HelpOverlay width={columns} height={plan.body} />
    ) : (
      <Box flexDirection={plan.side ? 'row' : 'column'} width={columns} height={plan.body} columnGap={plan.side ? 1 : 0}>
        <DiagramView lines={top > 0 ? lines.slice(top) : lines} {...plan.diagram} />
        <PanelArea {...plan.panel} direction={plan.side ? 'column' : 'row'} both={plan.both} />
      </Box>
    );
  return (
    <Box flexDirection="column" width={columns} height={plan.height + story.length}>
      <Header width={columns} />
      {story.map((segments, i) => (
        <SegmentLine key={i} segments={segments} width={columns} />
      ))}
      {body}
      <Footer width={columns} />
    </Box>
  );
}
