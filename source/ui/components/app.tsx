import { useApp } from 'ink';
import { useEffect } from 'react';
import { useAppContext } from '../app-context.js';
import { useAppState } from '../hooks/use-app-state.js';
import { useBackgroundWork } from '../hooks/use-background-work.js';
import { useKeyRouter } from '../hooks/use-key-router.js';
import { useTerminalSize, type Size } from '../hooks/use-terminal-size.js';
import { usePlayClock } from '../hooks/use-play-clock.js';
import { useScenarioClock } from '../hooks/use-scenario-clock.js';
import { useTrafficClock } from '../hooks/use-traffic-clock.js';
import { MIN_COLUMNS, MIN_ROWS } from '../view/screen-plan.js';
import { CompareScreen } from './compare-screen.js';
import { DesignScreen } from './design-screen.js';
import { HomeScreen } from './home-screen.js';
import { TooSmall } from './too-small.js';

/**
 * The size screens are laid out at: the terminal's; while a scenario is open, the size its last
 * `resize` step gave (what the recording saw), within the terminal's.
 */
function drawnSize(terminal: Size, given: Size | null, scenario: boolean): Size {
  if (!scenario || !given) return terminal;
  return { columns: Math.min(given.columns, terminal.columns), rows: Math.min(given.rows, terminal.rows) };
}

/**
 * The root: picks the screen for the state and the terminal's size, and ends the app once the
 * state says so. Every frame is at most `rows - 1` rows, so Ink never falls back to clearing
 * the whole terminal. Each size the terminal takes outside a scenario is told to the store
 * (`resize`), so a recording keeps it.
 */
export function App() {
  const { view, store } = useAppContext();
  const { exit } = useApp();
  const terminal = useTerminalSize();
  const given = useAppState((s) => s.size);
  const scenario = useAppState((s) => s.scenario !== null);
  const { columns, rows } = drawnSize(terminal, given, scenario);
  const screen = useAppState((s) => s.screen);
  const quitting = useAppState((s) => s.quitting);
  const usable = columns >= MIN_COLUMNS && rows >= MIN_ROWS;
  useKeyRouter();
  useTrafficClock();
  usePlayClock();
  useScenarioClock();
  useBackgroundWork();
  useEffect(() => {
    view.usable = usable;
  }, [view, usable]);
  useEffect(() => {
    // While a scenario plays, only its own steps say the size (a recording's resizes, replayed).
    if (!scenario) store.dispatch({ type: 'resize', columns: terminal.columns, rows: terminal.rows });
  }, [store, scenario, terminal.columns, terminal.rows]);
  useEffect(() => {
    if (quitting) exit();
  }, [quitting, exit]);
  if (!usable) return <TooSmall columns={columns} rows={rows} />;
  if (screen === 'compare') return <CompareScreen width={columns} height={rows - 1} />;
  return screen === 'home' ? <HomeScreen width={columns} height={rows - 1} /> : <DesignScreen columns={columns} rows={rows} />;
}
