import type { Ms } from '../../model/types.js';
import type { SimState } from '../../sim/index.js';
import type { AppState, DesignState } from './app-state.js';
import { currentFrame } from './timeline.js';

/**
 * The engine state the screen shows: the live traffic's while traffic mode is on, else the
 * timeline's current frame. Everything that reads "the system now" goes through here.
 */
export function liveSim(design: DesignState): SimState {
  return design.traffic?.state.sim ?? currentFrame(design.timeline).sim;
}

/**
 * How far the design's clock moved forward between two states of one design (0 otherwise): a
 * recording's clock and a played scenario's count only that. Here, not with the recorder, so
 * playing a scenario does not load the recorder and the scenario file format with it.
 */
export function clockMoved(before: AppState, after: AppState): Ms {
  if (!before.design || !after.design || before.design.topology.id !== after.design.topology.id) return 0;
  return Math.max(0, liveSim(after.design).now - liveSim(before.design).now);
}
