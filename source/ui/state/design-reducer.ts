import { DRAWN_LIMIT } from '../../layout/index.js';
import type { SimInput } from '../../sim/index.js';
import type { Action } from './actions.js';
import type { DesignState, Message } from './app-state.js';
import { describeInput, refuse } from './engine-messages.js';
import { liveSim } from './live-sim.js';
import { paused, playHop, playSpeed, togglePlay } from './play.js';
import { cycle, neighbour, selectableIds } from './selection.js';
import { branchHere, keepHistory, switchBranch } from './branches.js';
import { applyInput, historySteps, replay, stepBack, stepForward } from './timeline.js';
import { closeSpof, openSpof, spofSlice } from './spof-work.js';
import { busyWith, reduceTraffic, trafficEngine } from './traffic-reducer.js';

/** What a design action produces: the new design state and/or a line for the footer. */
export interface DesignUpdate {
  readonly design?: DesignState;
  readonly message?: Message;
}

const info = (text: string): Message => ({ text, level: 'info' });
const warn = (text: string): Message => ({ text, level: 'warn' });

/** What step-mode keys say while traffic runs: its states are not kept as steps. */
const NO_STEPS = 'traffic keeps no step history: T leaves traffic mode, then b steps back to before it began';

/** Applies one action to the open design. Pure; unknown actions change nothing. */
export function reduceDesign(design: DesignState, action: Action): DesignUpdate {
  const busy = busyWith(design, action);
  if (busy) return busy;
  // A slice of work goes to the SPOF analysis unless a long advance of traffic runs (that goes first).
  const slice = action.type === 'work' ? spofSlice(design) : undefined;
  if (slice) return slice;
  const traffic = reduceTraffic(design, action);
  if (traffic) return traffic;
  if (design.traffic && (action.type === 'back' || action.type === 'replay' || action.type === 'play')) return { message: info(NO_STEPS) };
  switch (action.type) {
    case 'engine':
      return engine(design, action.input);
    case 'toggle-selected': {
      const sim = liveSim(design);
      const down = sim.failed.includes(design.selected) || sim.hung.includes(design.selected);
      return engine(design, { type: down ? 'heal' : 'fail', id: design.selected });
    }
    case 'toggle-hang': {
      const hung = liveSim(design).hung.includes(design.selected);
      return engine(design, { type: hung ? 'heal' : 'hang', id: design.selected });
    }
    case 'promote':
      return engine(design, { type: 'promote', id: action.id ?? design.selected });
    case 'point': {
      const { pointed: _, ...rest } = design;
      return action.id === null ? { design: rest, message: info('no longer pointing') } : { design: { ...design, pointed: action.id }, message: info(`pointing at ${action.id}`) };
    }
    case 'step':
      if (design.folded && design.timeline.hop > 0) return { design: { ...paused(design), folded: false }, message: info(`the request again, at hop ${design.timeline.hop}`) };
      return move(paused(design), stepForward(design.timeline), 'this is the newest point: s sends a request, r replays this one');
    case 'back':
      return move(paused(design), stepBack(design.timeline), 'this is the start of the history');
    case 'replay':
      return move(paused(design), replay(design.timeline), 'no request to replay: s sends one');
    case 'play':
      return togglePlay(design);
    case 'play-hop':
      return playHop(design);
    case 'play-speed':
      return playSpeed(design, 'to' in action ? { to: action.to } : { delta: action.delta });
    case 'select':
      // Only what the design has can be selected: an id from elsewhere (another design, a stale box) is ignored.
      return selectableIds(design.topology).includes(action.id) ? { design: { ...design, selected: action.id } } : {};
    case 'cycle-selection':
      return { design: { ...design, selected: cycle(design.topology, design.selected, action.delta) } };
    case 'move-selection': {
      const id = neighbour(action.boxes, design.selected, action.direction);
      return id === undefined ? {} : { design: { ...design, selected: id } };
    }
    case 'tour':
      return tour(design, action.to);
    case 'toggle-spof':
      return design.mode === 'spof' ? closeSpof(design) : openSpof(design);
    case 'branch':
      return branchHere(design, action.name);
    case 'switch':
      return switchBranch(design, action.name);
    case 'toggle-panel':
      return { design: { ...design, panel: design.panel === 'trace' ? 'inspector' : 'trace' } };
    case 'toggle-groups':
      if (design.topology.components.length <= DRAWN_LIMIT) return { message: info('every component already has a box of its own') };
      return {
        design: { ...design, expanded: !design.expanded },
        message: info(design.expanded ? 'alike components share a box again' : 'every component in a box of its own; the lines between them are left out'),
      };
    case 'toggle-config':
      return { design: { ...design, panel: 'inspector', inspector: design.inspector === 'about' ? 'config' : 'about' } };
    default:
      return {};
  }
}

function move(design: DesignState, timeline: DesignState['timeline'] | undefined, otherwise: string): DesignUpdate {
  return timeline ? { design: { ...design, timeline, folded: false } } : { message: info(otherwise) };
}

/** Checks an engine input against the current state, applies it and says what happened. */
function engine(design: DesignState, input: SimInput): DesignUpdate {
  const before = liveSim(design);
  const refusal = refuse(before, input);
  if (refusal) return { message: warn(refusal) };
  if (design.traffic) return trafficEngine(design, input);
  const timeline = applyInput(design.timeline, input);
  if (design.timeline.at >= historySteps(design.timeline)) return { design: { ...design, timeline, folded: false }, message: info(describeInput(before, input)) };
  // Something new in the past: the history it replaces is kept whole as a branch, never dropped.
  // The branch comes first in the message, so a narrow footer cuts the hint, not the way back.
  const kept = keepHistory(design);
  return { design: { ...design, timeline, folded: false, branches: kept.branches }, message: info(`new branch; the history it replaces is kept (:switch ${kept.name}) · ${describeInput(before, input)}`) };
}

/**
 * Opens, closes or moves the tour. Reopened, it goes on at the slide it was left at (a lecturer
 * who stepped out to break something comes back to the same point); one left at its last slide
 * starts again from the first.
 */
function tour(design: DesignState, to: 'toggle' | 'next' | 'prev'): DesignUpdate {
  const slides = design.topology.tour;
  if (to === 'toggle' && design.mode === 'tour') return { design: { ...design, mode: 'explore' } };
  if (slides.length === 0) return { message: warn('this design has no tour') };
  const resumed = to === 'toggle' && design.slide > 0 && design.slide < slides.length - 1;
  const slide = to === 'toggle' ? (resumed ? design.slide : 0) : design.slide + (to === 'next' ? 1 : -1);
  if (slide < 0 || slide >= slides.length) return { message: info(slide < 0 ? 'first slide' : 'last slide: Esc leaves the tour') };
  const focus = slides[slide]?.focus[0];
  const opened = { design: { ...design, mode: 'tour' as const, slide, selected: focus ?? design.selected } };
  return resumed ? { ...opened, message: info(`the tour goes on at slide ${slide + 1}/${slides.length}, where it was left`) } : opened;
}
