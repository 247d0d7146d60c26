/**
 * The states a part can be put in by failing it, and how each is shown, everywhere: the diagram,
 * its legend, the app's header, inspector and footer replies, `print` and `trace`. Adding a state
 * is a row here (the engine's side is `failureModes` in grammar/failure.ts and `FailureMode` in
 * kinds.ts); no place that shows a state words it on its own.
 */
export interface FailureLook {
  /** One cell, on the box in the diagram and before the word elsewhere. */
  readonly symbol: string;
  /** Its 7-bit stand-in under `--ascii`. */
  readonly ascii: string;
  /** The adjective: "down", "hung". */
  readonly word: string;
  /** The app's tone for it (see `Tone` in ui/theme.ts). */
  readonly tone: 'error' | 'warn';
  /**
   * How the diagram draws it: `failed` in the failed style, with the symbol, and every component
   * on a host in that state too; `mark` as a letter on the box's edge, beside the SPOF overlay's.
   */
  readonly diagram: 'failed' | 'mark';
  /** Whether the diagram's legend explains its symbol (a mark is read with the header's list). */
  readonly legend: boolean;
  /** How a list of failures (the trace's header) names a part in this state. */
  readonly listed: (id: string) => string;
  /** What the inspector says after "<symbol> <word>: ", given the host that took it down when that is why. */
  readonly inspector: (downHost: string | undefined) => string;
  /**
   * The footer's reply once a part is put in this state, given what would notice it; `live` under
   * traffic, where time passes on its own.
   */
  readonly applied: (id: string, watcher: Watcher) => string;
  readonly appliedLive: (id: string, watcher: Watcher) => string;
  /** The footer's refusal when it is in this state already. */
  readonly already: (id: string) => string;
  /** The footer's reply once it is healed from this state (`watcher`: what checks it before sending it requests again). */
  readonly healed: (id: string, watcher: Watcher) => string;
}

/** What notices a part going down: a load balancer's health checks, a VIP peer missing its adverts, an automatic failover, Nginx moving on to another upstream, or nothing. */
export type Watcher = 'load-balancer' | 'vip-peer' | 'failover' | 'upstream' | null;

const NEXT_UPSTREAM = ': Nginx tries the next app server (proxy_next_upstream)';

/** What the user will see happen once a part stops answering, by what notices it (after "<id> is down"). */
const aftermath: Record<NonNullable<Watcher> | 'none', { readonly stepped: string; readonly live: string }> = {
  'load-balancer': {
    stepped: ': + lets time pass so health checks can notice',
    live: ': watch the errors until health checks reroute around it',
  },
  'vip-peer': {
    stepped: ': + lets time pass: its peer misses the adverts, takes the VIP',
    live: ': watch the errors until its peer takes the address over',
  },
  failover: {
    stepped: ': + lets time pass so the failover promotes a replica',
    live: ': watch the writes fail until the failover promotes a replica',
  },
  // Stepped or live, Nginx retries at once: there is nothing to wait for.
  upstream: { stepped: NEXT_UPSTREAM, live: NEXT_UPSTREAM },
  none: {
    stepped: ': nothing stands in; what needs it fails until it is back',
    live: ': nothing stands in; what needs it fails until it is back',
  },
};

/** One row per state; the first is the one a plain `fail` gives. */
export const failureLooks = {
  down: {
    symbol: '✗', ascii: 'X', word: 'down', tone: 'error', diagram: 'failed', legend: true,
    listed: (id) => id,
    inspector: (host) => (host ? `its server ${host} is down` : 'taken down'),
    applied: (id, watcher) => `${id} is down${aftermath[watcher ?? 'none'].stepped}`,
    appliedLive: (id, watcher) => `${id} is down${aftermath[watcher ?? 'none'].live}`,
    already: (id) => `${id} is already down (Enter or :heal ${id} brings it back)`,
    healed: (id, watcher) =>
      watcher === 'load-balancer'
        ? `${id} is back up: checks must pass again before traffic returns`
        : watcher === 'upstream'
          ? `${id} is back up: Nginx tries it again after fail_timeout (10 s)`
          : `${id} is back up and answering`,
  },
  hung: {
    symbol: 'H', ascii: 'H', word: 'hung', tone: 'warn', diagram: 'mark', legend: false,
    listed: (id) => `${id} (hung)`,
    inspector: () => 'it accepts connections but never answers (H restarts it)',
    applied: (id) => `${id} hangs: it accepts connections but never answers, so callers time out`,
    appliedLive: (id) => `${id} hangs: requests that reach it wait for a time-out, then fail`,
    already: (id) => `${id} already hangs (H or :heal ${id} restarts it)`,
    healed: (id) => `${id} restarted: it answers again`,
  },
} as const satisfies Record<string, FailureLook>;

/** A state a part can be failed into. */
export type FailureState = keyof typeof failureLooks;

/** The states in table order, each with its look. */
export const failureStates = Object.entries(failureLooks) as readonly (readonly [FailureState, FailureLook])[];
