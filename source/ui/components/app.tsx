import { useApp } from 'ink';
import { useEffect } from 'react';
import { useAppContext } from '../app-context.js';
import { useAppState } from '../hooks/use-app-state.js';
import { useBackgroundWork } from '../hooks/use-background-work.js';
import { useKeyRouter } from '../hooks/use-key-router.js';
import { useTerminalSize } from '../hooks/use-terminal-size.js';
import { usePlayClock } from '../hooks/use-play-clock.js';
import { useScenarioClock } from '../hooks/use-scenario-clock.js';
import { useTrafficClock } from '../hooks/use-traffic-clock.js';
import { MIN_COLUMNS, MIN_ROWS } from '../view/screen-plan.js';
import { CompareScreen } from './compare-screen.js';
import { DesignScreen } from './design-screen.js';
import { HomeScreen } from './home-screen.js';
import { TooSmall } from './too-small.js';

/**
 * The root: picks the screen for the state and the terminal's size, and ends the app once the
 * state says so. Every frame is at most `rows - 1` rows, so Ink never falls back to clearing
 * the whole terminal.
 */
export function App() {
  const { view } = useAppContext();
  const { exit } = useApp();
  const { columns, rows } = useTerminalSize();
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
    if (quitting) exit();
  }, [quitting, exit]);
  if (!usable) return <TooSmall columns={columns} rows={rows} />;
  if (screen === 'compare') return <CompareScreen width={columns} height={rows - 1} />;
  return screen === 'home' ? <HomeScreen width={columns} height={rows - 1} /> : <DesignScreen columns={columns} rows={rows} />;
}
