/**
 * The app's one store: the state, the reducer that is the only way to change it, and listeners.
 * It lives outside React so that key handlers always read the state as of the last action
 * (`getState`), never a render's stale copy: a burst of fast keys is applied in order.
 */
export interface Store<S, A> {
  readonly getState: () => S;
  /** Applies an action; never throws (see `createStore`). */
  readonly dispatch: (action: A) => void;
  readonly subscribe: (listener: () => void) => () => void;
}

/**
 * Turns an error the reducer threw into the state to show instead: the state as it was before
 * the action, plus a line saying what went wrong.
 */
export type OnReducerError<S, A> = (state: S, error: unknown, action: A) => S;

/**
 * A store around a pure reducer; every dispatch that changes the state notifies the listeners
 * once. Nothing a key or command does may end the session: if the reducer throws, the action
 * is dropped as a whole (the reducer is pure, so nothing of it was applied) and `onError`
 * decides the state shown instead; without `onError` the state stays exactly as it was.
 */
export function createStore<S, A>(reducer: (state: S, action: A) => S, initial: S, onError?: OnReducerError<S, A>): Store<S, A> {
  let state = initial;
  const listeners = new Set<() => void>();
  const apply = (action: A): S => {
    try {
      return reducer(state, action);
    } catch (error) {
      if (!onError) return state;
      try {
        return onError(state, error, action);
      } catch {
        return state;
      }
    }
  };
  return {
    getState: () => state,
    dispatch: (action) => {
      const next = apply(action);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The first line of an error's message, as the footer shows it for an action the reducer refused. */
export function errorLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return `cannot do that: ${text.split('\n')[0] ?? ''}`;
}
