import { DRAWN_LIMIT } from '../../layout/index.js';
import { builtinIds } from '../../model/builtin-ids.js';
import type { Topology } from '../../model/types.js';
import type { AppState, DesignState } from './app-state.js';
import { liveSim } from './live-sim.js';
import { initialPlay } from './play.js';
import { initialSelection } from './selection.js';
import { historySteps, startTimeline } from './timeline.js';

/** A design as it starts: the engine created and settled, the front door selected, nothing open. */
function freshDesign(topology: Topology, seed: number): DesignState {
  return {
    topology,
    timeline: startTimeline(topology, seed),
    selected: initialSelection(topology),
    mode: 'explore',
    slide: 0,
    spof: null,
    panel: 'trace',
    inspector: 'about',
    traffic: null,
    view: 'main',
    logFilter: '',
    wire: null,
    folded: false,
    play: initialPlay,
    branch: 'main',
    branches: [],
  };
}

/** What a session holds, in a few words ("4 steps, 1 down, traffic"), or '' for an untouched one. */
function sessionSummary(design: DesignState): string {
  const steps = historySteps(design.timeline);
  const sim = liveSim(design);
  const down = new Set([...sim.failed, ...sim.hung]).size;
  return [
    steps > 0 ? `${steps} step${steps === 1 ? '' : 's'}` : '',
    down > 0 ? `${down} down` : '',
    design.traffic ? 'live traffic' : '',
  ]
    .filter(Boolean)
    .join(', ');
}

/** The sessions with the design on screen (if any) put away among them. */
function keptSessions(state: AppState): AppState['sessions'] {
  const design = state.design;
  return design ? { ...state.sessions, [design.topology.id]: design } : state.sessions;
}

/** The same design: the same object, or a file read again that did not change. */
function sameTopology(a: Topology, b: Topology): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Opens a design. Guaranteed: no session is dropped without a word. The design on screen is
 * put away; a kept session of the one opened comes back as it was (its traffic frozen while it
 * was away); only a file that changed since starts afresh, and the footer says so.
 */
export function openDesign(state: AppState, topology: Topology): AppState {
  const sessions = keptSessions(state);
  const kept = sessions[topology.id];
  const { [topology.id]: _taken, ...others } = sessions;
  const back = kept && sameTopology(kept.topology, topology) ? kept : undefined;
  const design = back ?? freshDesign(topology, state.seed);
  const summary = back ? sessionSummary(back) : '';
  const text = back
    ? `${topology.title}: as you left it${summary ? ` (${summary})` : ''}; R starts it afresh`
    : kept
      ? `${topology.title}: the file changed, so it starts afresh`
      : topology.components.length > DRAWN_LIMIT
        ? `${topology.title}: g gives every part its own box, ? shows every key`
        : `${topology.title}: s sends a request, ? shows every key`;
  const listed = (builtinIds as readonly string[]).indexOf(topology.id);
  return {
    ...state,
    screen: 'design',
    design,
    sessions: others,
    overlay: 'none',
    message: { text, level: 'info' },
    highlighted: listed >= 0 ? listed : state.highlighted,
  };
}

/** The home screen, the design on screen kept as it is (its traffic frozen until it is opened again). */
export function goHome(state: AppState): AppState {
  const design = state.design;
  if (!design) return { ...state, screen: 'home', overlay: 'none' };
  const summary = sessionSummary(design);
  const text = summary ? `${design.topology.title} is kept (${summary}): open it again to go on` : null;
  return { ...state, screen: 'home', design: null, sessions: keptSessions(state), overlay: 'none', message: text ? { text, level: 'info' } : null };
}

/**
 * `R`: start the design on screen afresh. It cannot be undone, so when the session holds
 * something (steps, failures, traffic) the confirm overlay asks first.
 */
export function askReset(state: AppState): AppState {
  const design = state.design;
  if (!design) return state;
  const summary = sessionSummary(design);
  if (!summary) return { ...state, message: { text: 'nothing to reset: this design is as it started', level: 'info' } };
  return { ...state, overlay: 'confirm', pending: 'reset', message: { text: `Start afresh, dropping ${summary}? y resets, any other key keeps it`, level: 'warn' } };
}

/** The answer to the confirm overlay: `yes` does what it asked, anything else keeps things as they are. */
export function answer(state: AppState, yes: boolean): AppState {
  const closed = { ...state, overlay: 'none' as const, pending: null };
  if (state.pending !== 'reset' || !state.design) return closed;
  if (!yes) return { ...closed, message: { text: 'kept as it was: nothing was reset', level: 'info' } };
  const design = freshDesign(state.design.topology, state.seed);
  return { ...closed, design, scroll: {}, message: { text: `${design.topology.title} started afresh`, level: 'info' } };
}
