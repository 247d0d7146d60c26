/**
 * The app's one store: the state, the reducer that is the only way to change it, and listeners.
 * It lives outside React so that key handlers always read the state as of the last action
 * (`getState`), never a render's stale copy: a burst of fast keys is applied in order.
 */
export interface Store<S, A> {
  readonly getState: () => S;
  readonly dispatch: (action: A) => void;
  readonly subscribe: (listener: () => void) => () => void;
}

/** A store around a pure reducer; every dispatch notifies the listeners once. */
export function createStore<S, A>(reducer: (state: S, action: A) => S, initial: S): Store<S, A> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch: (action) => {
      const next = reducer(state, action);
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
