import { Box } from 'ink';
import { useEffect, useMemo } from 'react';
import { useAppContext } from '../app-context.js';
import { useAppState } from '../hooks/use-app-state.js';
import { comparePending } from '../state/compare.js';
import { compareLines } from '../view/compare-lines.js';
import { Footer } from './footer.js';
import { HelpOverlay } from './help-overlay.js';
import { Panel } from './panel.js';

const TITLE = 'The designs side by side, every figure from the engine (Enter opens one, Esc goes back)';

/**
 * Asks for the figures of one more design after each frame while some lack them: the screen
 * appears at once and fills in, and keys are handled between two designs.
 */
function useFigures(): void {
  const { store } = useAppContext();
  const pending = useAppState(comparePending);
  const compare = useAppState((s) => s.compare);
  useEffect(() => {
    if (!pending) return;
    const timer = setTimeout(() => store.dispatch({ type: 'compare-next' }), 0);
    return () => clearTimeout(timer);
  }, [pending, compare, store]);
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
