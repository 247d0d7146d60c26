import { useEffect } from 'react';
import { useAppContext } from '../app-context.js';
import { spofRunning } from '../state/spof-work.js';
import { useAppState } from './use-app-state.js';

/**
 * Runs a long piece of work (an `advance` of traffic too long for one go, the SPOF analysis of a
 * big design) one slice per turn of
 * the event loop: between two slices keys, signals and frames get through, so the footer's
 * spinner turns, Esc stops the work, and Ctrl-C or SIGTERM end the app with the terminal
 * restored. Each slice is a `work` action: a recorded list of actions replays the same states.
 */
export function useBackgroundWork(): void {
  const { store } = useAppContext();
  const busy = useAppState((s) => Boolean(s.design?.traffic?.catchUp) || spofRunning(s.design));
  useEffect(() => {
    if (!busy) return undefined;
    let timer: ReturnType<typeof setTimeout>;
    const slice = () => {
      store.dispatch({ type: 'work' });
      timer = setTimeout(slice, 0);
    };
    timer = setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [store, busy]);
}
