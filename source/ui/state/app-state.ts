import type { Topology } from '../../model/types.js';
import type { SimEvent, SimInput, SimState, SpofRow, Trace } from '../../sim/types.js';
import { emptyLine, type LineState } from '../commands/line-editor.js';

/** One point of the design's history: the state right after an engine input. */
export interface Frame {
  /** What led here; null for the settled start. */
  readonly input: SimInput | null;
  readonly sim: SimState;
  /** What the engine reported while applying the input. */
  readonly events: readonly SimEvent[];
  readonly trace: Trace | null;
}

/**
 * The history of engine inputs with every state they produced, and where the user stands in it.
 * Stepping back moves `at` (the exact earlier state is kept, never recomputed); a new input
 * while in the past drops the frames after `at` (a branch).
 */
export interface Timeline {
  readonly frames: readonly Frame[];
  readonly at: number;
  /** How many hops of `frames[at].trace` are shown (the outcome too once all are). */
  readonly hop: number;
}

export type Mode = 'explore' | 'tour' | 'spof';
export type Panel = 'trace' | 'inspector';

/** Everything about the open design. */
export interface DesignState {
  readonly topology: Topology;
  readonly timeline: Timeline;
  /** A component or host id. */
  readonly selected: string;
  readonly mode: Mode;
  readonly slide: number;
  /** The SPOF analysis, computed the first time the overlay is shown. */
  readonly spof: readonly SpofRow[] | null;
  /** Which panel narrow terminals show (wide ones show both). */
  readonly panel: Panel;
  /** The inspector's page: what the selection is, or its real configuration. */
  readonly inspector: 'about' | 'config';
}

export type Overlay = 'none' | 'help' | 'command' | 'composer';

export interface Message {
  readonly text: string;
  readonly level: 'info' | 'warn' | 'error';
}

export interface AppState {
  readonly screen: 'home' | 'design';
  /** The design highlighted on the home screen: its number. */
  readonly highlighted: number;
  readonly design: DesignState | null;
  readonly overlay: Overlay;
  /** The command line while it is open (kept here so fast typing is applied in order). */
  readonly line: LineState;
  /** The request highlighted in the composer (an index into its list). */
  readonly composer: number;
  readonly message: Message | null;
  readonly seed: number;
  readonly quitting: boolean;
}

/** The state the app starts in: home, nothing open. */
export function initialAppState(seed: number): AppState {
  return { screen: 'home', highlighted: 0, design: null, overlay: 'none', line: emptyLine, composer: 0, message: null, seed, quitting: false };
}
