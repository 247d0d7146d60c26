import type { Action } from './actions.js';
import { appReducer } from './app-reducer.js';
import type { AppState } from './app-state.js';
import { createStore, errorLine, type Store } from './store.js';

/**
 * The app's store: `appReducer`, with every error it throws turned into one line in the footer
 * while the state stays as it was before the action. A key, a command or a selection can then
 * only ever change the state or say why not; nothing but the user ends the session.
 */
export function createAppStore(initial: AppState): Store<AppState, Action> {
  return createStore(appReducer, initial, (state, error) => ({ ...state, message: { text: errorLine(error), level: 'error' } }));
}

