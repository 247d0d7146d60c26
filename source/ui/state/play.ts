import type { DesignState, Message, Speed } from './app-state.js';
import type { Ms } from '../../sim/index.js';
import { liveSim } from './live-sim.js';
import { currentFrame } from './timeline.js';

/**
 * Playing a request on its own, hop by hop, like a video. The hops advance by `play-hop` actions
 * that a timer in the UI sends (`usePlayClock`): the state only says whether it plays and how fast.
 */
export interface Play {
  readonly playing: boolean;
  /** Hops per second of real time. */
  readonly speed: PlaySpeed;
}

const playSpeeds = [0.25, 0.5, 1, 2, 4] as const;
export type PlaySpeed = (typeof playSpeeds)[number];

/** What `:speed` takes while a request plays, and while traffic runs. */
export const playSpeedWords: Readonly<Record<string, PlaySpeed>> = { '0.25x': 0.25, '0.5x': 0.5, '1x': 1, '2x': 2, '4x': 4 };
export const trafficSpeedWords: Readonly<Record<string, Speed>> = { pause: 0, '1x': 1, '10x': 10, '100x': 100 };

export const initialPlay: Play = { playing: false, speed: 1 };

/** What a play action produces: the new design state and/or a line for the footer. */
interface PlayUpdate {
  readonly design?: DesignState;
  readonly message?: Message;
}

const info = (text: string): Message => ({ text, level: 'info' });
const hopsOf = (design: DesignState): number => currentFrame(design.timeline).trace?.hops.length ?? 0;
const withPlay = (design: DesignState, play: Partial<Play>): DesignState => ({ ...design, play: { ...design.play, ...play } });

/** `p`: play the request on screen from where it stands (from its first hop once it has ended), or pause it. */
export function togglePlay(design: DesignState): PlayUpdate {
  if (design.play.playing) return { design: withPlay(design, { playing: false }), message: info('paused: p plays on, Space steps one hop') };
  const hops = hopsOf(design);
  if (hops === 0) return { message: info('no request to play: s sends one') };
  const timeline = design.timeline.hop >= hops ? { ...design.timeline, hop: 1 } : design.timeline;
  return { design: { ...withPlay(design, { playing: true }), timeline }, message: info(`playing at ${design.play.speed}× (one hop a second at 1×): p pauses, < > slower / faster`) };
}

/** One hop of the playing request; at its outcome, play stops there. */
export function playHop(design: DesignState): PlayUpdate {
  if (!design.play.playing) return {};
  const hops = hopsOf(design);
  const hop = Math.min(hops, design.timeline.hop + 1);
  const next = { ...design, timeline: { ...design.timeline, hop } };
  return hop >= hops ? { design: withPlay(next, { playing: false }), message: info('the response is back: p plays it again') } : { design: next };
}

/** `<` / `>`: one notch along 0.25× … 4×, or straight to `to`. */
export function playSpeed(design: DesignState, change: { delta: 1 | -1 } | { to: PlaySpeed }): PlayUpdate {
  const index = playSpeeds.indexOf(design.play.speed);
  const speed = 'to' in change ? change.to : playSpeeds[index + change.delta];
  if (speed === undefined) return { message: info(`already at the ${index === 0 ? 'slowest (0.25×)' : 'fastest (4×)'}`) };
  return { design: withPlay(design, { speed }), message: info(`play speed ${speed}× (${speed} hop${speed === 1 ? '' : 's'} a second)`) };
}

/**
 * The virtual time on screen: while a request is stepped or played, when the hop shown arrives
 * (so the clock moves with the hops); otherwise the system's clock.
 */
export function shownTime(design: DesignState): Ms {
  const trace = design.traffic || design.folded ? null : currentFrame(design.timeline).trace;
  const hop = trace?.hops[design.timeline.hop - 1];
  return trace && hop ? trace.sentAt + hop.at : liveSim(design).now;
}

/** Stepping by hand pauses play: the presenter has taken over. */
export function paused(design: DesignState): DesignState {
  return design.play.playing ? withPlay(design, { playing: false }) : design;
}
