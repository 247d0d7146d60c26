import type { Topology } from '../../model/types.js';
import type { Size } from '../hooks/use-terminal-size.js';
import type { SimEvent, SimInput, SimState, Speed, SpofRow, Trace, TrafficSession } from '../../sim/index.js';
import { emptyLine, type LineState } from '../commands/line-editor.js';
import type { CompareState } from './compare.js';
import type { Play } from './play.js';
import type { Branch } from './branches.js';
import type { ScenarioRun } from './scenario-play.js';
import type { SpofWork } from './spof-work.js';

/** One point of the design's history as shown: the state right after an engine input. */
export interface Frame {
  /** What led here; null for the settled start. */
  readonly input: SimInput | null;
  readonly sim: SimState;
  /** What the engine reported while applying the input. */
  readonly events: readonly SimEvent[];
  readonly trace: Trace | null;
}

/**
 * One input of the design's history: what was done and what the engine reported (its events
 * and the request's trace, a few kilobytes at most). Only some
 * entries keep the state they led to (every `SNAPSHOT_EVERY`-th, the start, and states made
 * outside the engine's inputs such as what traffic left behind); the others are recomputed
 * from the kept one before them, which the deterministic engine makes exact.
 */
export interface Entry {
  readonly input: SimInput | null;
  readonly events: readonly SimEvent[];
  readonly trace: Trace | null;
  readonly sim?: SimState;
}

/**
 * The history as an action log with periodic snapshots, and where the user stands in it.
 * Stepping back moves `at` (the earlier state comes from the nearest snapshot, replayed); a new
 * input while in the past drops the entries after `at` (a branch). `current` is the frame at
 * `at`, kept whole since every render reads it.
 */
export interface Timeline {
  readonly entries: readonly Entry[];
  readonly at: number;
  /** How many hops of `current.trace` are shown (the outcome too once all are). */
  readonly hop: number;
  readonly current: Frame;
}

type Mode = 'explore' | 'tour' | 'spof';

/** How fast the virtual clock runs while traffic flows (0 is paused); the engine's traffic session keeps it. */
export type { Speed };

/**
 * Live traffic on the design: the engine's traffic session. Its states are not frames of the
 * timeline; leaving traffic mode adds one frame with the state traffic left behind.
 */
export type TrafficMode = TrafficSession;

/** What the main panel shows: the mode's own content, the traffic log, monitoring, or a hop on the wire. */
export type MainView = 'main' | 'log' | 'monitor' | 'wire' | 'branches';
type Panel = 'trace' | 'inspector';

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
  /** The SPOF analysis while it is done a slice at a time (see spof-work.ts). */
  readonly spofWork?: SpofWork;
  /** Which panel narrow terminals show (wide ones show both). */
  readonly panel: Panel;
  /**
   * A topology too big to draw one by one is drawn with every component in its own box (and
   * without the lines between them) rather than alike ones sharing a box (absent: shared).
   */
  readonly expanded?: boolean;
  /** The inspector's page: what the selection is, or its real configuration. */
  readonly inspector: 'about' | 'config';
  /** Live traffic, while traffic mode is on (running or paused). */
  readonly traffic: TrafficMode | null;
  readonly view: MainView;
  /** What the log view keeps (case-insensitive; empty keeps everything). */
  readonly logFilter: string;
  /** The link the wire view observes. */
  readonly wire: { readonly from: string; readonly to: string } | null;
  /**
   * The stepped request is put aside (Esc): the panel shows the design's events, the request
   * stays in the history at the hop it was, and stepping shows it again.
   */
  readonly folded: boolean;
  /** Playing the request on screen hop by hop. */
  readonly play: Play;
  /** The line of events on screen, and the others kept as they were left (what-if branches). */
  readonly branch: string;
  readonly branches: readonly Branch[];
  /** What a presenter points at, highlighted for everyone following (absent: nothing). */
  readonly pointed?: string;
}

/** `confirm` asks before something that cannot be undone (a reset): `y` does it, any other key keeps things. */
export type Overlay = 'none' | 'help' | 'command' | 'composer' | 'confirm';

/** The panels that scroll: the main one, the inspector, the help overlay. */
export type ScrollTarget = 'main' | 'inspector' | 'help';

/**
 * Where a panel was scrolled to, for the content named `key` (another content starts at its
 * default place). `offset` counts rows from the top, or from the bottom for panels that keep
 * the newest lines (so a growing log stays pinned to its end until scrolled up).
 */
export interface ScrollSpot {
  readonly key: string;
  readonly offset: number;
}

export interface Message {
  readonly text: string;
  readonly level: 'info' | 'warn' | 'error';
}

export interface AppState {
  readonly screen: 'home' | 'design' | 'compare';
  /** The design highlighted on the home screen: its number. */
  readonly highlighted: number;
  readonly design: DesignState | null;
  /** The compare screen's designs and figures, kept while other screens are shown. */
  readonly compare: CompareState | null;
  /** The sessions of the designs not on screen, by topology id: visiting others keeps them as they were. */
  readonly sessions: Readonly<Record<string, DesignState>>;
  readonly overlay: Overlay;
  /** What the confirm overlay asks about. */
  readonly pending: 'reset' | null;
  readonly scroll: Readonly<Partial<Record<ScrollTarget, ScrollSpot>>>;
  /** The command line while it is open (kept here so fast typing is applied in order). */
  readonly line: LineState;
  /** The request highlighted in the composer (an index into its list). */
  readonly composer: number;
  readonly message: Message | null;
  readonly seed: number;
  /** The terminal's size as last seen (a `resize`), or null before the app is drawn. */
  readonly size: Size | null;
  /** The scenario being played (`infra-tui play`), with the question it asks now, if any. */
  readonly scenario: ScenarioRun | null;
  readonly quitting: boolean;
}

/** Whether steps remain: while they do, the scenario alone moves the clocks (so a replay is exact). */
export function scenarioRunning(state: Pick<AppState, 'scenario'>): boolean {
  return state.scenario !== null && state.scenario.next < state.scenario.scenario.steps.length;
}

/** The state the app starts in: home, nothing open. */
export function initialAppState(seed: number): AppState {
  return {
    screen: 'home',
    highlighted: 0,
    design: null,
    compare: null,
    sessions: {},
    overlay: 'none',
    pending: null,
    scroll: {},
    line: emptyLine,
    composer: 0,
    message: null,
    seed,
    size: null,
    scenario: null,
    quitting: false,
  };
}
