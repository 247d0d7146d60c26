import { formatMix, type SimInput, type TrafficInput } from '../../sim/index.js';
import type { Action } from './actions.js';
import type { DesignState, Message, Speed, TrafficMode } from './app-state.js';
import { speeds } from './app-state.js';
import type { DesignUpdate } from './design-reducer.js';
import { enterTraffic, inputMode, qpsNotch, tickMode, withSpeed } from './traffic-mode.js';

const info = (text: string): Message => ({ text, level: 'info' });
const warn = (text: string): Message => ({ text, level: 'warn' });

const speedLabel = (speed: Speed) => (speed === 0 ? 'paused' : `${speed}×`);

/** The design with traffic on (started at 1× when it was off) and its mode changed by `change`. */
function withMode(design: DesignState, change: (mode: TrafficMode) => TrafficMode): DesignState {
  const on = design.traffic ? design : enterTraffic(design, 1);
  return { ...on, traffic: change(on.traffic as TrafficMode) };
}

function started(design: DesignState): string {
  const { qps, mix } = design.traffic?.state.options ?? { qps: 0, mix: { static: 0, read: 0, write: 0 } };
  return `traffic on at ${qps} QPS (mix ${formatMix(mix)}): Space pauses, +/- rate, > faster, Enter fails the selection, Esc leaves`;
}

function traffic(design: DesignState, to: 'on' | 'off' | 'toggle'): DesignUpdate {
  const mode = design.traffic;
  if (!mode) {
    if (to === 'off') return { message: info('no traffic to pause: T starts it') };
    const on = enterTraffic(design, 1);
    return { design: on, message: info(started(on)) };
  }
  const running = mode.speed > 0;
  if (to === 'on' && running) return { message: info('traffic is already running') };
  if (to === 'off' && !running) return { message: info('traffic is already paused: Space resumes, Esc leaves traffic mode') };
  const next = running ? withSpeed(mode, 0) : withSpeed(mode, mode.resume);
  return { design: { ...design, traffic: next }, message: info(running ? 'paused: Space resumes' : `running at ${speedLabel(next.speed)}`) };
}

function speedStep(design: DesignState, delta: 1 | -1): DesignUpdate {
  const current = design.traffic?.speed ?? 0;
  const next = speeds[speeds.indexOf(current) + delta];
  if (next === undefined) return { message: info(delta > 0 ? 'already at the fastest speed (100×)' : 'already paused') };
  return setSpeed(design, next);
}

function setSpeed(design: DesignState, speed: Speed): DesignUpdate {
  const next = design.traffic ? design : enterTraffic(design, speed);
  return { design: { ...next, traffic: withSpeed(next.traffic as TrafficMode, speed) }, message: info(`clock ${speedLabel(speed)}`) };
}

function deploy(design: DesignState): DesignUpdate {
  const next = withMode(design, (m) => inputMode(m, { type: 'deploy' }));
  const run = next.traffic?.state.deploy;
  if (design.traffic?.state.deploy) return { design: next, message: warn('a deploy is already running') };
  const how =
    run?.strategy === 'rolling'
      ? 'one app server at a time, drained from the load balancer first'
      : run?.strategy === 'in-place'
        ? 'one app server at a time'
        : 'every app server restarts at once: requests fail until they are back';
  return { design: next, message: info(`deploying new code: ${how}`) };
}

/**
 * Applies a traffic action to the open design, or returns undefined for other actions. Traffic
 * commands given outside traffic mode start it (at 1×) first, so `d` or `m` work from anywhere.
 */
export function reduceTraffic(design: DesignState, action: Action): DesignUpdate | undefined {
  switch (action.type) {
    case 'traffic':
      return traffic(design, action.to);
    case 'tick':
      return design.traffic && design.traffic.speed > 0 ? { design: { ...design, traffic: tickMode(design.traffic, action.ms) } } : {};
    case 'qps':
    case 'qps-step': {
      const next = withMode(design, (m) => inputMode(m, { type: 'qps', qps: action.type === 'qps' ? action.qps : qpsNotch(m.state.options.qps, action.delta) }));
      return { design: next, message: info(`${next.traffic?.state.options.qps ?? 0} QPS offered`) };
    }
    case 'mix':
      return { design: withMode(design, (m) => inputMode(m, { type: 'mix', mix: action.mix })), message: info(`mix static:read:write ${formatMix(action.mix)}`) };
    case 'speed':
      return setSpeed(design, action.speed);
    case 'speed-step':
      return speedStep(design, action.delta);
    case 'deploy':
      return deploy(design);
    case 'view': {
      const view = design.view === action.view ? 'main' : action.view;
      const next = (view === 'log' || view === 'monitor') && !design.traffic ? enterTraffic(design, 1) : design;
      return { design: { ...next, view }, ...(next.traffic !== design.traffic ? { message: info(started(next)) } : {}) };
    }
    case 'log-filter': {
      const filter = action.filter.trim();
      return { design: { ...withMode(design, (m) => m), view: 'log', logFilter: filter }, message: info(filter ? `log lines containing "${filter}"` : 'every log line') };
    }
    case 'wire':
      return { design: { ...design, view: 'wire', wire: { from: action.from, to: action.to } } };
    default:
      return undefined;
  }
}

/** An engine input under traffic: `advance` runs traffic for that long; the others go live. */
export function trafficEngine(design: DesignState, mode: TrafficMode, input: SimInput): DesignState {
  if (input.type === 'advance') return { ...design, traffic: { ...mode, state: tickMode({ ...mode, speed: 1 }, input.ms).state } };
  return { ...design, traffic: inputMode(mode, input as TrafficInput) };
}
