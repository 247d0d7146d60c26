import { Box } from 'ink';
import { useEffect, useMemo } from 'react';
import { summarize } from '../../sim/index.js';
import { useAppContext } from '../app-context.js';
import { useAppState } from '../hooks/use-app-state.js';
import { compareLines } from '../view/compare-lines.js';
import { Footer } from './footer.js';
import { HelpOverlay } from './help-overlay.js';
import { Panel } from './panel.js';

const TITLE = 'The designs side by side, every figure from the engine (Enter opens one, Esc goes back)';

/**
 * Computes the figures of a design that lacks them (the highlighted one first), after the frame
 * that shows it is drawn, one design per turn of the event loop: the screen appears at once and
 * fills in.
 */
function useFigures(): void {
  const { store } = useAppContext();
  const compare = useAppState((s) => s.compare);
  const seed = useAppState((s) => s.seed);
  useEffect(() => {
    const column = compare?.summaries[compare.column] === null ? compare.column : (compare?.summaries.indexOf(null) ?? -1);
    const topology = compare?.designs[column];
    if (!topology) return;
    const timer = setTimeout(() => store.dispatch({ type: 'compare-figures', column, summary: summarize(topology, { seed }) }), 0);
    return () => clearTimeout(timer);
  }, [compare, seed, store]);
}

/** The compare screen: the table of figures and what the highlighted one means, above the footer. */
export function CompareScreen({ width, height }: { readonly width: number; readonly height: number }) {
  const compare = useAppState((s) => s.compare);
  const overlay = useAppState((s) => s.overlay);
  useFigures();
  const lines = useMemo(() => (compare ? compareLines(compare, width) : []), [compare, width]);
  return (
    <Box flexDirection="column" width={width} height={height}>
      {overlay === 'help' ? <HelpOverlay width={width} height={height - 2} /> : <Panel title={TITLE} lines={lines} width={width} height={height - 2} />}
      <Footer width={width} />
    </Box>
  );
}
