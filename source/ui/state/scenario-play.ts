import type { Ms, Topology } from '../../model/types.js';
import type { Ask, Scenario, StepBody } from '../../scenario/index.js';
import type { Intent } from '../commands/command-spec.js';
import { parseCommandLine } from '../commands/parse-command-line.js';
import { commandContext } from '../commands/run-command.js';
import type { Action } from './actions.js';
import type { AppState, Message } from './app-state.js';
import { recordedAction } from './recorded-actions.js';
import { clockMoved } from './live-sim.js';
import { errorLine } from './store.js';
import { TICK_INTERVAL_MS } from './traffic-reducer.js';

/** A question on screen, and the choice made (0-based; null until answered). */
interface AskShown extends Ask {
  readonly chosen: number | null;
}

/** What the scenario shows beside the design: the narration, the presenter's note, a question, a pause. */
interface Shown {
  readonly say: string | null;
  readonly note: string | null;
  readonly ask: AskShown | null;
  readonly pause: string | null;
}

/**
 * A scenario being played: where it stands (`next` step, its own clock), what it shows, and the
 * exact app state before each step applied, so stepping back restores it rather than recomputing.
 */
export interface ScenarioRun {
  readonly scenario: Scenario;
  /** Every design the scenario opens, by what it names it (its `topology`, a `goto`'s argument). */
  readonly designs: Readonly<Record<string, Topology>>;
  readonly next: number;
  /** Virtual time since the scenario started: only ever moves forward. */
  readonly clock: Ms;
  readonly shown: Shown;
  readonly before: readonly AppState[];
  /** Playing on its own (p): time runs and steps come as they fall due, until a pause or a question. */
  readonly playing: boolean;
  /** Real time waited for the next step while playing on its own, in ms. */
  readonly waited: Ms;
}

type Reduce = (state: AppState, action: Action) => AppState;

const nothingShown: Shown = { say: null, note: null, ask: null, pause: null };
const info = (text: string): Message => ({ text, level: 'info' });

/**
 * While playing on its own, how long a step waits at least (real ms, so each can be read), and
 * at most when no traffic runs (the virtual time before it then passes at once).
 */
const STEP_WAIT_MS = 1_500;
const GAP_WAIT_MS = 3_000;


/** A reducer call that keeps the scenario's clock as a recording counts it (`clockMoved`). */
function counted(reduce: Reduce): Reduce {
  return (state, action) => {
    const next = reduce(state, action);
    const delta = clockMoved(state, next);
    return delta > 0 && next.scenario ? { ...next, scenario: { ...next.scenario, clock: next.scenario.clock + delta } } : next;
  };
}

/** Lets `gap` of virtual time pass on the design: ticks as the live clock sends them while traffic runs, else one advance. */
function letTimePass(state: AppState, gap: Ms, reduce: Reduce): AppState {
  const traffic = state.design?.traffic;
  if (gap <= 0 || !state.design) return state;
  if (!traffic || traffic.speed === 0) return reduce(state, { type: 'engine', input: { type: 'advance', ms: gap } });
  const size = TICK_INTERVAL_MS * traffic.speed;
  let s = state;
  for (let left = gap; left > 0; left -= size) s = reduce(s, { type: 'tick', ms: Math.min(size, left) });
  return s;
}

/** The action a `do` line makes in this state, or the footer line saying why it makes none. */
function commandAction(state: AppState, line: string, designs: ScenarioRun['designs']): Action | undefined {
  const parsed = parseCommandLine(line, commandContext(state, { boxes: [], scroll: undefined }));
  if (!parsed.ok) return { type: 'message', message: { text: parsed.message, level: 'error' } };
  const intent = parsed.intent;
  const refused = refusedInScenario(intent);
  if (refused) return { type: 'message', message: { text: refused, level: 'warn' } };
  if (intent.type === 'terminal' || intent.type === 'export' || intent.type === 'compare' || intent.type === 'compare-scenario') return undefined;
  if (intent.type !== 'load') return intent;
  const topology = designs[intent.topology];
  return topology ? { type: 'open-design', topology } : { type: 'message', message: { text: `no design "${intent.topology}" in this scenario`, level: 'error' } };
}

/**
 * Why a command cannot be a step, or undefined: a scenario changes the app's state only, so it
 * never writes a file (`export`), drives the terminal, or opens a screen that reads files.
 */
export function refusedInScenario(intent: Intent): string | undefined {
  if (intent.type === 'export') return 'a scenario does not write files (export)';
  if (intent.type === 'terminal' || intent.type === 'compare' || intent.type === 'compare-scenario') return `a scenario does not ${intent.type === 'terminal' ? 'drive the terminal' : 'open the compare screen'}`;
  return undefined;
}

function show(shown: Shown, body: StepBody): Shown {
  const moved = { ...shown, pause: null };
  switch (body.kind) {
    case 'say':
      return { ...moved, say: body.text, ask: null };
    case 'note':
      return { ...moved, note: body.text };
    case 'ask':
      return { ...moved, ask: { ...body.ask, chosen: null } };
    case 'pause':
      return { ...moved, pause: body.text };
    default:
      return moved;
  }
}

/** Applies what a step does (its time already reached). A refused action is a footer line, never an end of the scenario. */
function applyBody(state: AppState, body: StepBody, reduce: Reduce): AppState {
  const run = state.scenario as ScenarioRun;
  const shown = { ...state, scenario: { ...run, shown: show(run.shown, body) } };
  const action = body.kind === 'do' ? commandAction(state, body.line, run.designs) : body.kind === 'act' ? recordedAction(body.action) : undefined;
  if (!action) return shown;
  try {
    return reduce(shown, action);
  } catch (error) {
    return { ...shown, message: { text: errorLine(error), level: 'error' } };
  }
}

/** The next step: time runs up to it, then it is applied; the state before is kept for stepping back. */
function forward(state: AppState, run: ScenarioRun, reduce: Reduce): AppState {
  const step = run.scenario.steps[run.next];
  if (!step) return { ...state, message: info('the scenario is over: B steps back through it') };
  const count = counted(reduce);
  const timed = letTimePass(state, step.at - run.clock, count);
  const reached = { ...timed, scenario: { ...(timed.scenario as ScenarioRun), clock: Math.max((timed.scenario as ScenarioRun).clock, step.at) } };
  const done = applyBody(reached, step.body, count);
  const after = done.scenario as ScenarioRun;
  // A pause or a question stops playing on its own: the room has something to do.
  const playing = after.playing && step.body.kind !== 'pause' && step.body.kind !== 'ask';
  return { ...done, scenario: { ...after, next: run.next + 1, before: [...run.before, state], playing, waited: 0 } };
}

/**
 * One beat (TICK_INTERVAL_MS of real time) of a scenario playing on its own: while traffic runs,
 * one tick of the traffic clock towards the next step (the same ticks stepping fills the time
 * with, so both reach the same states); a step falls due once it has waited long enough.
 */
export function scenarioBeat(state: AppState, reduce: Reduce): AppState {
  const run = state.scenario;
  if (!run?.playing) return state;
  const step = run.scenario.steps[run.next];
  if (!step) return { ...state, scenario: { ...run, playing: false } };
  const gap = step.at - run.clock;
  const traffic = state.design?.traffic;
  const waited = run.waited + TICK_INTERVAL_MS;
  if (gap > 0 && traffic && traffic.speed > 0) {
    const ticked = counted(reduce)(state, { type: 'tick', ms: Math.min(TICK_INTERVAL_MS * traffic.speed, gap) });
    return { ...ticked, scenario: { ...(ticked.scenario as ScenarioRun), waited } };
  }
  if (waited < (gap > 0 ? Math.min(gap, GAP_WAIT_MS) : STEP_WAIT_MS)) return { ...state, scenario: { ...run, waited } };
  return forward(state, run, reduce);
}

/** p while steps remain: play on its own, or stop. */
export function toggleScenario(state: AppState): AppState {
  const run = state.scenario;
  if (!run) return state;
  const playing = !run.playing;
  return { ...state, scenario: { ...run, playing, waited: 0 }, message: info(playing ? 'the scenario plays on its own: p stops it, N takes the next step now' : 'stopped: p plays on, N takes the next step') };
}

/**
 * One step of the scenario on screen, forward or back. Pure: `reduce` is the app's reducer
 * (passed in, since the reducer calls this), so a step does exactly what the same actions do
 * when a person makes them, and back returns the exact state before the step.
 */
export function scenarioStep(state: AppState, to: 'next' | 'back', reduce: Reduce): AppState {
  const run = state.scenario;
  if (!run) return { ...state, message: info('no scenario is playing: infra-tui play <scenario.yaml> plays one') };
  if (to === 'next') return forward(state, run, reduce);
  const previous = run.before.at(-1);
  if (!previous?.scenario) return { ...state, message: info('this is the start of the scenario') };
  return { ...previous, scenario: { ...previous.scenario, playing: false, waited: 0 }, message: info(`back before step ${run.next} of ${run.scenario.steps.length}`) };
}

/** Starts playing a scenario: its design opened afresh with its seed, nothing shown yet (N plays the first step). */
export function startScenario(state: AppState, scenario: Scenario, designs: ScenarioRun['designs'], reduce: Reduce): AppState {
  const topology = designs[scenario.topology];
  if (!topology) return { ...state, message: { text: `no design "${scenario.topology}" for this scenario`, level: 'error' } };
  const { [topology.id]: _dropped, ...sessions } = state.sessions;
  const opened = reduce({ ...state, seed: scenario.seed, sessions, design: null, scroll: {} }, { type: 'open-design', topology });
  // The footer says what opening the design says, as when a person opened it: a recording replays to the same screens.
  return { ...opened, scenario: { scenario, designs, next: 0, clock: 0, shown: nothingShown, before: [], playing: false, waited: 0 } };
}

/** The audience's (or the presenter's) answer to the question on screen: a choice number, 0-based. */
export function answerAsk(state: AppState, choice: number): AppState {
  const ask = state.scenario?.shown.ask;
  if (!state.scenario || !ask) return { ...state, message: info('there is no question to answer') };
  if (choice < 0 || choice >= ask.choices.length) return { ...state, message: info(`answer with a number from 1 to ${ask.choices.length}`) };
  const scenario = { ...state.scenario, shown: { ...state.scenario.shown, ask: { ...ask, chosen: choice } } };
  const right = choice === ask.answer;
  return { ...state, scenario, message: { text: right ? 'right' : `not quite: the answer is ${ask.answer + 1}`, level: right ? 'info' : 'warn' } };
}
