import { useEffect } from 'react';
import { useAppContext } from '../app-context.js';
import { useAppState } from './use-app-state.js';

/** Real time between two ticks of live traffic: 12.5 frames a second, above the 10 a presenter needs. */
const TICK_INTERVAL_MS = 80;

/**
 * The clock of traffic mode, the app's only timer: while traffic runs it dispatches a `tick`
 * every TICK_INTERVAL_MS carrying the VIRTUAL time to advance (interval × speed), never the
 * real time elapsed, so the reducer stays pure and a recorded list of actions replays to the
 * same screens however fast the machine is.
 */
export function useTrafficClock(): void {
  const { store } = useAppContext();
  const speed = useAppState((s) => s.design?.traffic?.speed ?? 0);
  useEffect(() => {
    if (speed === 0) return undefined;
    const timer = setInterval(() => store.dispatch({ type: 'tick', ms: TICK_INTERVAL_MS * speed }), TICK_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [store, speed]);
}
