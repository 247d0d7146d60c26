import { useEffect } from 'react';
import { useAppContext } from '../app-context.js';
import { scenarioRunning } from '../state/scenario-play.js';
import { useAppState } from './use-app-state.js';

/**
 * The clock of play: while a request plays (and no traffic runs) it dispatches `play-hop`
 * every 1000 / speed ms of real time, so 1× is one hop a second and 4× four. The hops a
 * playback shows are the trace's, computed once by the engine: the timer only decides when
 * the next is shown, and a recorded list of actions replays to the same screens.
 */
export function usePlayClock(): void {
  const { store } = useAppContext();
  const speed = useAppState((s) => (s.design?.play.playing && !s.design.traffic && !scenarioRunning(s) ? s.design.play.speed : 0));
  useEffect(() => {
    if (speed === 0) return undefined;
    const timer = setInterval(() => store.dispatch({ type: 'play-hop' }), 1000 / speed);
    return () => clearInterval(timer);
  }, [store, speed]);
}
