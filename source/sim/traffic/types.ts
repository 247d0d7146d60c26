/**
 * The traffic model's public contract: continuous load on top of the engine, aggregated per tick.
 * Everything is plain, serializable data so the app can keep a TrafficState in an immutable store
 * and a headless run can be replayed from its seed and actions.
 */
import type { Ms, Request, SimEvent, SimInput, SimState } from '../types.js';

/** Shares of the three request classes; any non-negative numbers, normalized when used. */
export interface Mix {
  readonly static: number;
  readonly read: number;
  readonly write: number;
}

export type RequestClass = keyof Mix;

export interface TrafficOptions {
  /** Offered requests per second. */
  readonly qps: number;
  readonly mix: Mix;
  /** Virtual ms per tick: representative requests are sent once per tick. */
  readonly tickMs: Ms;
}

/** One line of what the real software would log, sampled: `count` is how many it stands for. */
export interface LogLine {
  /** Increasing number of the line since traffic started (stable across the ring buffer's trimming). */
  readonly seq: number;
  readonly at: Ms;
  /** The component or host that writes it. */
  readonly source: string;
  /** Which log it belongs to. */
  readonly stream: LogStream;
  readonly level: 'info' | 'warn' | 'error';
  readonly text: string;
  readonly count: number;
}

/** A line waiting to be written, with the key that merges its repeats (its text without the timestamp). */
export interface PendingLine {
  readonly key: string;
  readonly line: Omit<LogLine, 'seq'>;
}

export type LogStream =
  | 'haproxy'
  | 'nginx-access'
  | 'nginx-error'
  | 'app'
  | 'keepalived'
  | 'mysql'
  | 'firewall'
  | 'deploy'
  | 'monitoring'
  | 'engine';

/** Totals over one second of virtual time (or over the whole run). */
export interface Tally {
  readonly sent: number;
  readonly ok: number;
  readonly failed: number;
  /** `"200"`, `"503"`, or a client error: `"timeout"`, `"refused"`, `"dns"`. */
  readonly byOutcome: Readonly<Record<string, number>>;
  /** Sum of the latency of every request, for the mean. */
  readonly latencySum: Ms;
  readonly latencyMax: Ms;
}

export interface SecondBucket extends Tally {
  /** Whole seconds of virtual time since the clock started. */
  readonly second: number;
  /** Requests that passed through each component during that second. */
  readonly requests: Readonly<Record<string, number>>;
  /** Of those, requests that ended in an error (what each one's log shows as 5xx). */
  readonly errors: Readonly<Record<string, number>>;
  /** Highest utilization of each component during that second. */
  readonly peak: Readonly<Record<string, number>>;
}

/** Load on one component during the last tick. */
export interface ComponentLoad {
  /** Requests per second that reached it. */
  readonly rps: number;
  /** Requests per second it serves at most, as the requests of the tick hold it (0: unknown, nothing reached it). */
  readonly capacity: number;
  /** rps / capacity; above 1 the excess fails. */
  readonly utilization: number;
}

/** A link that carried requests during a tick. */
export interface CarriedLink {
  readonly from: string;
  readonly to: string;
  /** Requests per second over it. */
  readonly rps: number;
  /** Of those, the ones a proxy must not send twice (POST...): Nginx passes only the others on to another upstream. */
  readonly onceRps: number;
  /**
   * How long a request sent over it waits for its answer, on average (from `from` sending it to
   * the answer coming back): by Little's law rps × heldMs / 1000 requests are on it at any moment.
   */
  readonly heldMs: Ms;
}

export interface CurrentLoad {
  readonly at: Ms;
  readonly components: Readonly<Record<string, ComponentLoad>>;
  /** Links that carried requests during the last tick. */
  readonly links: readonly CarriedLink[];
  /** The component with the highest utilization, when anything carries load. */
  readonly bottleneck: string | null;
}

export interface ComponentTotal {
  readonly requests: number;
  readonly peakUtilization: number;
}

export interface DeployRecord {
  readonly at: Ms;
  /** Requests that failed while the deploy ran. */
  readonly failed: number;
  /** Ms from start to the last app server back in rotation; null while it runs. */
  readonly duration: Ms | null;
  /** `rolling` (one at a time, drained first), `in-place` (one at a time, nothing to drain to), `all-at-once`. */
  readonly strategy: 'rolling' | 'in-place' | 'all-at-once';
}

/** A rolling restart in progress. */
export interface DeployRun {
  readonly startedAt: Ms;
  readonly strategy: DeployRecord['strategy'];
  /** Groups of app servers restarted together, the current one first. */
  readonly queue: readonly (readonly string[])[];
  /** drain the group's LB servers → restart its app servers → rejoin (start, hand back to checks) → settle (wait until back). */
  readonly phase: 'drain' | 'restart' | 'rejoin' | 'settle';
  /** When the current phase may end (for `settle`, also once the servers are back UP). */
  readonly until: Ms;
  /** Load-balancer servers put in maintenance for the current group. */
  readonly drained: readonly { readonly lb: string; readonly server: string }[];
  /** App servers this deploy stopped (and must start again). */
  readonly stopped: readonly string[];
  readonly failedAtStart: number;
}

/** Something the system did on its own, timed against what caused it. */
export interface Detection {
  readonly at: Ms;
  readonly text: string;
  /** Ms since the action that caused it, when one is known. */
  readonly after: Ms | null;
}

export interface MonitorHostState {
  /** When the agent last shipped data to the service; null if never. */
  readonly lastReportAt: Ms | null;
  readonly alerting: boolean;
}

/** What the user did, kept to time detections against it. */
export interface ActionMark {
  readonly at: Ms;
  readonly text: string;
  readonly ids: readonly string[];
}

export interface TrafficState {
  readonly sim: SimState;
  readonly options: TrafficOptions;
  /** Fractions of a request carried to the next tick, per class, so counts add up exactly. */
  readonly carry: Mix;
  /** Per class, which representative gets the next extra request (see sendRepresentatives). */
  readonly turn: Mix;
  readonly totals: Tally;
  readonly components: Readonly<Record<string, ComponentTotal>>;
  /** The last 60 s of virtual time, oldest first; the last one is the second in progress. */
  readonly window: readonly SecondBucket[];
  readonly current: CurrentLoad;
  readonly log: readonly LogLine[];
  readonly nextSeq: number;
  /** Access-log lines of the second in progress, by sampling key, flushed as one line each when it ends. */
  readonly pendingAccess: readonly PendingLine[];
  readonly deploys: readonly DeployRecord[];
  readonly deploy: DeployRun | null;
  readonly detections: readonly Detection[];
  readonly actions: readonly ActionMark[];
  readonly monitor: Readonly<Record<string, MonitorHostState>>;
  /** The engine's own events under traffic (detections, failovers, timers), the last HISTORY_CAPACITY, oldest first. */
  readonly events: readonly SimEvent[];
}

/** What a user (or a script) can do while traffic runs. */
export type TrafficInput =
  | Exclude<SimInput, { type: 'advance' } | { type: 'send' }>
  | { type: 'send'; request: Request }
  | { type: 'qps'; qps: number }
  | { type: 'mix'; mix: Mix }
  | { type: 'tick-size'; ms: Ms }
  | { type: 'deploy' };

export interface TrafficStep {
  readonly state: TrafficState;
  /** Log lines written by this step, oldest first. */
  readonly lines: readonly LogLine[];
}
