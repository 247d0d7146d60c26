import { useSyncExternalStore } from 'react';
import { useAppContext } from '../app-context.js';
import type { AppState } from '../state/app-state.js';
import type { Theme } from '../theme.js';

/**
 * A slice of the app state; the component re-renders when that slice changes (compared by
 * identity, which immer keeps for untouched parts of the state).
 */
export function useAppState<T>(select: (state: AppState) => T): T {
  const { store } = useAppContext();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}

export function useTheme(): Theme {
  return useAppContext().theme;
}
