import type { AppState } from '../state/app-state.js';
import { globalKeys } from './global-keys.js';
import { homeKeys } from './home-keys.js';
import type { KeyMap } from './key-map.js';
import { topologyKeys, tourKeys } from './topology-keys.js';

/** The key maps in force, most specific first: the mode's, the screen's, then the global keys. */
export function activeKeyMaps(state: Pick<AppState, 'screen' | 'design'>): readonly KeyMap[] {
  if (state.screen === 'home' || !state.design) return [homeKeys, globalKeys];
  return state.design.mode === 'tour' ? [tourKeys, topologyKeys, globalKeys] : [topologyKeys, globalKeys];
}
