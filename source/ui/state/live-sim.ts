import type { SimState } from '../../sim/index.js';
import type { DesignState } from './app-state.js';
import { currentFrame } from './timeline.js';

/**
 * The engine state the screen shows: the live traffic's while traffic mode is on, else the
 * timeline's current frame. Everything that reads "the system now" goes through here.
 */
export function liveSim(design: DesignState): SimState {
  return design.traffic?.state.sim ?? currentFrame(design.timeline).sim;
}
