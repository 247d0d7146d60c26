import type { AppState } from '../state/app-state.js';
import { isReading } from '../view/scroll-window.js';
import { globalKeys } from './global-keys.js';
import { homeKeys } from './home-keys.js';
import type { KeyMap } from './key-map.js';
import { topologyKeys, tourKeys } from './topology-keys.js';
import { readingKeys } from './reading-keys.js';
import { trafficKeys } from './traffic-keys.js';

/**
 * The key maps in force, most specific first: the reading keys while a panel is for reading,
 * the mode's (tour), traffic mode's, the screen's, then the global keys.
 */
export function activeKeyMaps(state: Pick<AppState, 'screen' | 'design' | 'overlay'>): readonly KeyMap[] {
  const reading = isReading(state) ? [readingKeys] : [];
  const design = state.design;
  if (state.screen === 'home' || !design) return [...reading, homeKeys, globalKeys];
  const screen = design.traffic ? [trafficKeys, topologyKeys, globalKeys] : [topologyKeys, globalKeys];
  return [...reading, ...(design.mode === 'tour' ? [tourKeys, ...screen] : screen)];
}
