import type { Ms } from '../types.js';
import type { TrafficInput } from './types.js';

/**
 * One scripted action of a headless run: an engine input at a time from the start. Parsed from
 * what a person types (`5s fail server-1`) by `grammar/scheduled-action.ts`.
 */
export interface ScheduledAction {
  readonly at: Ms;
  readonly input: TrafficInput;
  /** The action as typed, without its time: `fail server-1`. */
  readonly text: string;
}
