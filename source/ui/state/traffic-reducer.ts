import { formatDuration } from '../../grammar/duration.js';
import { formatMix, runSession, type SessionInput, type SessionNote, type SimInput, type Speed } from '../../sim/index.js';
import type { Action } from './actions.js';
import type { DesignState, Message } from './app-state.js';
import type { DesignUpdate } from './design-reducer.js';
import { describeLiveInput } from './engine-messages.js';
import { liveSim } from './live-sim.js';
import { appendFrame, currentFrame } from './timeline.js';

/** Real time between two ticks of live traffic (12.5 frames a second, above the 10 a presenter needs); a tick carries this × the clock's speed of virtual time. */
export const TICK_INTERVAL_MS = 80;

const info = (text: string): Message => ({ text, level: 'info' });
const warn = (text: string): Message => ({ text, level: 'warn' });

/** A spinner frame for a long piece of work, turning with its progress (so a replay shows the same frames). */
export const workSpinner = (percent: number) => '|/-\\'[percent % 4] ?? '|';

const speedLabel = (speed: Speed) => (speed === 0 ? 'paused' : `${speed}×`);

const deployWords = {
  rolling: 'one app server at a time, each drained from HAProxy first',
  // No other path (design 3's lone app server): each restart is downtime.
  'in-place': 'in place, no other path: requests fail while each restarts',
  'all-at-once': 'every app server restarts at once: requests fail until they are back',
} as const;

/** The footer line for what a traffic session reports (engine inputs are worded by the caller, which saw the state before). */
function word(note: SessionNote): Message | undefined {
  switch (note.type) {
    case 'started':
      return info(`traffic mode on, ${note.qps} QPS (mix ${formatMix(note.mix)}): p pauses, Space steps 1 s, +/- rate, > faster, T leaves`);
    case 'not-running':
      return info('traffic mode is off: T enters it');
    case 'already':
      return info(note.running ? 'traffic is already running' : 'traffic is already paused: p runs it, T leaves traffic mode');
    case 'paused':
      return info('paused: p runs on, Space steps 1 s');
    case 'resumed':
      return info(`running at ${speedLabel(note.speed)}`);
    case 'speed':
      return info(`clock ${speedLabel(note.speed)}`);
    case 'speed-limit':
      return info(note.delta > 0 ? 'already at the fastest speed (100×)' : 'already paused');
    case 'qps':
      return info(`${note.qps} QPS offered`);
    case 'mix':
      return info(`mix static:read:write ${formatMix(note.mix)}`);
    case 'deploy':
      return info(`deploying new code: ${deployWords[note.strategy ?? 'all-at-once']}`);
    case 'deploy-busy':
      return warn('a deploy is already running');
    case 'refused':
      return warn(note.reason);
    case 'working': {
      const percent = Math.floor((note.doneMs / note.totalMs) * 100);
      return info(`${workSpinner(percent)} advancing ${formatDuration(note.totalMs)} of traffic: ${percent} % (Esc stops)`);
    }
    case 'worked':
      return info(`${formatDuration(note.totalMs)} passed`);
    case 'work-cancelled':
      return warn(`stopped after ${formatDuration(note.doneMs)} of ${formatDuration(note.totalMs)}: the clock stays there`);
    default:
      return undefined;
  }
}

/** The session input a traffic action maps to, or undefined for other actions. */
function sessionInput(action: Action): SessionInput | undefined {
  switch (action.type) {
    case 'traffic':
      return action.to === 'leave' ? undefined : { type: 'run', to: action.to };
    case 'tick':
    case 'qps':
    case 'qps-step':
    case 'mix':
    case 'speed':
    case 'speed-step':
    case 'deploy':
    case 'work':
      return action;
    default:
      return undefined;
  }
}

/** The design after one session input, and the session's notes. */
function run(design: DesignState, input: SessionInput): { design: DesignState; notes: readonly SessionNote[] } {
  const step = runSession(design.traffic, currentFrame(design.timeline).sim, input);
  return { design: { ...design, traffic: step.session }, notes: step.notes };
}

/**
 * Applies a traffic action to the open design, or returns undefined for other actions. Traffic
 * commands given outside traffic mode start it (at 1×) first, so `d` or `m` work from anywhere.
 */
export function reduceTraffic(design: DesignState, action: Action): DesignUpdate | undefined {
  switch (action.type) {
    case 'traffic':
      if (action.to === 'leave') return leave(design);
      break;
    case 'step':
      return design.traffic ? stepTraffic(design) : undefined;
    case 'view': {
      const view = design.view === action.view ? 'main' : action.view;
      const started = view === 'log' || view === 'monitor' ? run(design, { type: 'start' }) : { design, notes: [] };
      const message = started.notes[0] && word(started.notes[0]);
      return { design: { ...started.design, view }, ...(message ? { message } : {}) };
    }
    case 'log-filter': {
      const filter = action.filter.trim();
      return { design: { ...run(design, { type: 'start' }).design, view: 'log', logFilter: filter }, message: info(filter ? `log lines containing "${filter}"` : 'every log line') };
    }
    case 'wire':
      return { design: { ...design, view: 'wire', wire: { from: action.from, to: action.to } } };
  }
  const input = sessionInput(action);
  if (!input) return undefined;
  const { design: next, notes } = run(design, input);
  const last = notes.at(-1);
  const message = last && word(last);
  return { ...(next.traffic !== design.traffic ? { design: next } : {}), ...(message ? { message } : {}) };
}

/** An engine input under traffic (already checked): `advance` runs traffic for that long; the others go live. */
export function trafficEngine(design: DesignState, input: SimInput): DesignUpdate {
  const live = liveSim(design);
  const { design: next, notes } = run(design, { type: 'engine', input });
  const refused = notes.find((n) => n.type === 'refused');
  if (refused) return { message: word(refused) };
  const working = notes.find((n) => n.type === 'working');
  return { design: next, message: working ? word(working) : info(describeLiveInput(live, input)) };
}

/** While a long advance runs, what other actions get: ticks wait, everything else is told to wait. */
export function busyWith(design: DesignState, action: Action): DesignUpdate | undefined {
  if (!design.traffic?.catchUp || action.type === 'work') return undefined;
  return action.type === 'tick' ? {} : { message: info('still advancing: Esc stops it first') };
}

/** Esc during a long advance: stops it where it is. */
export function cancelWork(design: DesignState): DesignUpdate | undefined {
  if (!design.traffic?.catchUp) return undefined;
  const { design: next, notes } = run(design, { type: 'cancel-work' });
  const note = notes[0];
  return { design: next, ...(note ? { message: word(note) } : {}) };
}

/**
 * Back to step mode: the state traffic left becomes one new frame of the timeline (a branch if
 * the user had stepped back before starting), with a summary event, so `b` returns to the
 * moment before traffic began.
 */
function leaveTraffic(design: DesignState): DesignState {
  const step = runSession(design.traffic, currentFrame(design.timeline).sim, { type: 'stop' });
  const stopped = step.notes.find((n) => n.type === 'stopped');
  if (!stopped) return design;
  return { ...design, traffic: null, timeline: appendFrame(design.timeline, { ...stopped.frame, events: [...stopped.frame.events], trace: null }) };
}

/** Back to stepping (T, `:traffic off`, Esc): what traffic did becomes one step of the history, and the footer says so. */
export function leave(design: DesignState): DesignUpdate {
  if (!design.traffic) return { message: info('traffic mode is off: T enters it') };
  return { design: leaveTraffic(design), message: info('traffic mode left: what it did is one step of history (b steps back over it)') };
}

/** Space under traffic: pause, then one second of virtual time, so a presenter can go second by second. */
function stepTraffic(design: DesignState): DesignUpdate {
  const paused = run(design, { type: 'speed', speed: 0 }).design;
  return { design: run(paused, { type: 'engine', input: { type: 'advance', ms: 1000 } }).design, message: info('paused, 1 s later: Space steps another second, p runs on') };
}
