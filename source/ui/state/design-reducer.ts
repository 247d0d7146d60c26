import { analyzeSpof } from '../../sim/spof.js';
import type { SimInput } from '../../sim/types.js';
import { formatDuration } from '../commands/parse-duration.js';
import type { Action } from './actions.js';
import type { DesignState, Message } from './app-state.js';
import { liveSim } from './live-sim.js';
import { cycle, neighbour } from './selection.js';
import { applyInput, replay, stepBack, stepForward } from './timeline.js';
import { reduceTraffic, trafficEngine } from './traffic-reducer.js';

/** What a design action produces: the new design state and/or a line for the footer. */
export interface DesignUpdate {
  readonly design?: DesignState;
  readonly message?: Message;
}

const info = (text: string): Message => ({ text, level: 'info' });
const warn = (text: string): Message => ({ text, level: 'warn' });

/** What step-mode keys say while traffic runs: its states are not kept as steps. */
const NO_STEPS = 'traffic keeps no step history: Esc leaves traffic mode, then b steps back to before it began';

/** Applies one action to the open design. Pure; unknown actions change nothing. */
export function reduceDesign(design: DesignState, action: Action): DesignUpdate {
  const traffic = reduceTraffic(design, action);
  if (traffic) return traffic;
  if (design.traffic && (action.type === 'step' || action.type === 'back' || action.type === 'replay')) return { message: info(NO_STEPS) };
  switch (action.type) {
    case 'engine':
      return engine(design, action.input);
    case 'toggle-selected': {
      const down = liveSim(design).failed.includes(design.selected);
      return engine(design, { type: down ? 'heal' : 'fail', id: design.selected });
    }
    case 'promote':
      return engine(design, { type: 'promote', id: action.id ?? design.selected });
    case 'step':
      return move(design, stepForward(design.timeline), 'this is the newest point: s sends a request, r replays this one');
    case 'back':
      return move(design, stepBack(design.timeline), 'this is the start of the history');
    case 'replay':
      return move(design, replay(design.timeline), 'no request to replay: s sends one');
    case 'select':
      return { design: { ...design, selected: action.id } };
    case 'cycle-selection':
      return { design: { ...design, selected: cycle(design.topology, design.selected, action.delta) } };
    case 'move-selection': {
      const id = neighbour(action.boxes, design.selected, action.direction);
      return id === undefined ? {} : { design: { ...design, selected: id } };
    }
    case 'tour':
      return tour(design, action.to);
    case 'toggle-spof':
      if (design.mode === 'spof') return { design: { ...design, mode: 'explore' } };
      return { design: { ...design, mode: 'spof', spof: design.spof ?? analyzeSpof(design.topology) } };
    case 'toggle-panel':
      return { design: { ...design, panel: design.panel === 'trace' ? 'inspector' : 'trace' } };
    case 'toggle-config':
      return { design: { ...design, panel: 'inspector', inspector: design.inspector === 'about' ? 'config' : 'about' } };
    default:
      return {};
  }
}

function move(design: DesignState, timeline: DesignState['timeline'] | undefined, otherwise: string): DesignUpdate {
  return timeline ? { design: { ...design, timeline } } : { message: info(otherwise) };
}

/** Checks an engine input against the current state, applies it and says what happened. */
function engine(design: DesignState, input: SimInput): DesignUpdate {
  const refusal = refuse(liveSim(design), input);
  if (refusal) return { message: warn(refusal) };
  if (design.traffic) {
    try {
      return { design: trafficEngine(design, design.traffic, input), message: info(describeLive(input)) };
    } catch (error) {
      return { message: warn(error instanceof Error ? error.message : String(error)) };
    }
  }
  const timeline = applyInput(design.timeline, input);
  const branched = design.timeline.at < design.timeline.frames.length - 1 ? ' (a new branch of the history)' : '';
  return { design: { ...design, timeline }, message: info(`${describe(input)}${branched}`) };
}

function refuse(sim: ReturnType<typeof liveSim>, input: SimInput): string | undefined {
  switch (input.type) {
    case 'fail':
      return sim.failed.includes(input.id) ? `${input.id} is already down (Enter or :heal ${input.id} brings it back)` : undefined;
    case 'heal':
      return sim.failed.includes(input.id) ? undefined : `${input.id} was not taken down`;
    case 'heal-all':
      return sim.failed.length === 0 ? 'nothing is down' : undefined;
    case 'promote': {
      const db = sim.databases[input.id];
      if (!db) return `${input.id} is not a database: select a replica to promote`;
      return db.readOnly ? undefined : `${input.id} already accepts writes`;
    }
    default:
      return undefined;
  }
}

function describe(input: SimInput): string {
  switch (input.type) {
    case 'fail':
      return `${input.id} is down: + lets time pass so health checks can notice`;
    case 'heal':
      return `${input.id} is back up: checks must pass again before traffic returns`;
    case 'heal-all':
      return 'everything is back up';
    case 'advance':
      return `${formatDuration(input.ms)} passed`;
    case 'promote':
      return `${input.id} promoted: it now accepts writes`;
    case 'send':
      return 'request sent: Space steps through it';
    case 'maintenance':
      return `${input.server} ${input.on ? 'put in maintenance on' : 'handed back to the health checks of'} ${input.lb}`;
    case 'hang':
      return `${input.id} hangs: it accepts connections but never answers`;
  }
}

/** The same under live traffic, where time passes on its own. */
function describeLive(input: SimInput): string {
  switch (input.type) {
    case 'fail':
      return `${input.id} is down: watch the errors until the load balancer notices, then the reroute`;
    case 'send':
      return 'request sent through the live traffic: its outcome is in the traffic panel, w shows it on the wire';
    default:
      return describe(input);
  }
}

function tour(design: DesignState, to: 'toggle' | 'next' | 'prev'): DesignUpdate {
  const slides = design.topology.tour;
  if (to === 'toggle' && design.mode === 'tour') return { design: { ...design, mode: 'explore' } };
  if (slides.length === 0) return { message: warn('this design has no tour') };
  const slide = to === 'toggle' ? 0 : design.slide + (to === 'next' ? 1 : -1);
  if (slide < 0 || slide >= slides.length) return { message: info(slide < 0 ? 'first slide' : 'last slide: Esc leaves the tour') };
  const focus = slides[slide]?.focus[0];
  return { design: { ...design, mode: 'tour', slide, selected: focus ?? design.selected } };
}
