import { useEffect } from 'react';
import { useAppContext } from '../app-context.js';
import { scenarioRunning } from '../state/app-state.js';
import { TICK_INTERVAL_MS } from '../state/traffic-reducer.js';
import { useAppState } from './use-app-state.js';

/**
 * The clock of a scenario playing on its own (p): a `scenario-beat` every TICK_INTERVAL_MS of
 * real time. The beats carry no time: the reducer decides what each moves (a tick of the traffic
 * clock, or a step falling due), so playing and stepping reach the same states.
 */
export function useScenarioClock(): void {
  const { store } = useAppContext();
  const playing = useAppState((s) => Boolean(s.scenario?.playing) && scenarioRunning(s));
  useEffect(() => {
    if (!playing) return undefined;
    const timer = setInterval(() => store.dispatch({ type: 'scenario-beat' }), TICK_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [store, playing]);
}
