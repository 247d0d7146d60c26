import type { AppState } from '../state/app-state.js';
import { globalKeys } from './global-keys.js';
import { homeKeys } from './home-keys.js';
import type { KeyMap } from './key-map.js';
import { topologyKeys, tourKeys } from './topology-keys.js';
import { trafficKeys } from './traffic-keys.js';

/**
 * The key maps in force, most specific first: the mode's (tour), traffic mode's, the screen's,
 * then the global keys.
 */
export function activeKeyMaps(state: Pick<AppState, 'screen' | 'design'>): readonly KeyMap[] {
  const design = state.design;
  if (state.screen === 'home' || !design) return [homeKeys, globalKeys];
  const screen = design.traffic ? [trafficKeys, topologyKeys, globalKeys] : [topologyKeys, globalKeys];
  return design.mode === 'tour' ? [tourKeys, ...screen] : screen;
}
