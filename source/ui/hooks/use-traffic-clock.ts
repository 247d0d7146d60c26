import { useEffect } from 'react';
import { useAppContext } from '../app-context.js';
import { scenarioRunning } from '../state/scenario-play.js';
import { TICK_INTERVAL_MS } from '../state/traffic-reducer.js';
import { useAppState } from './use-app-state.js';

/**
 * The clock of traffic mode, the app's only timer: while traffic runs it dispatches a `tick`
 * every TICK_INTERVAL_MS carrying the VIRTUAL time to advance (interval × speed), never the
 * real time elapsed, so the reducer stays pure and a recorded list of actions replays to the
 * same screens however fast the machine is. While a scenario plays, its steps move the clock.
 */
export function useTrafficClock(): void {
  const { store } = useAppContext();
  // While a scenario has steps left, it alone moves the clock (its steps say when), so it replays exactly.
  const speed = useAppState((s) => (scenarioRunning(s) ? 0 : (s.design?.traffic?.speed ?? 0)));
  useEffect(() => {
    if (speed === 0) return undefined;
    const timer = setInterval(() => store.dispatch({ type: 'tick', ms: TICK_INTERVAL_MS * speed }), TICK_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [store, speed]);
}
