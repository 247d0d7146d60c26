/**
 * The browser opening a TCP connection from the internet: a SYN that nobody answers is sent
 * again on the schedule of the client's operating system, so a connection attempted while a
 * virtual IP is moving succeeds late, through the new holder, instead of failing. A reset
 * (nothing listens, or a firewall rejects) ends the attempt at once: a refused connection is
 * not retransmitted.
 */
import type { Component, Ms } from '../model/types.js';
import { clientOses } from './browser-os.js';
import { land, type Landing } from './entry.js';
import { hop, type Exchange } from './exchange.js';
import { formatMs } from './format-text.js';
import { lookahead } from './lookahead.js';
import { INTERNET_MS } from './timings.js';
import type { SimState } from './types.js';

export type Opened =
  /** Accepted by `component` for the SYN sent at `at`; `state` is the system as that SYN finds it. */
  | { readonly ok: true; readonly component: Component; readonly state: SimState; readonly at: Ms; readonly retransmitted: boolean }
  /** Refused, or timed out; `at`: when the browser learns it. */
  | { readonly ok: false; readonly result: 'refused' | 'timeout'; readonly at: Ms };

export interface Attempt {
  readonly client: string;
  readonly ip: string;
  readonly port: number;
  /** `TCP`, `HTTP` or `HTTPS`, as the hop shows it. */
  readonly protocol: string;
  readonly encrypted: boolean;
  /** ms after the request left when the first SYN goes. */
  readonly start: Ms;
  /** What the hop says before the verdict, e.g. `connect to 8.8.8.8:443`. */
  readonly what: string;
}

const seconds = (list: readonly Ms[]) => list.map((ms) => formatMs(ms)).join(', ');

function failHop(ex: Exchange, a: Attempt, at: Ms, landing: Extract<Landing, { ok: false }>, next: string): void {
  const result = landing.result === 'refused' ? 'refused' : landing.result;
  hop(ex, () => ({ at, from: a.client, to: landing.by, protocol: a.protocol, port: a.port, encrypted: a.encrypted, note: `${a.what}: ${landing.why}${next}`, direction: 'request', result }));
}

/**
 * Opens a connection to `a.ip:a.port` for `ex`'s request. Guaranteed: every unanswered SYN after
 * which the system may still change is a hop of its own (when the browser sends the next one);
 * once nothing can change, the remaining retransmissions are summed up in one hop at the give-up time.
 */
export function openConnection(ex: Exchange, a: Attempt): Opened {
  const os = clientOses[ex.state.client];
  for (let k = 0; k < os.sends.length; k++) {
    const sentAt = a.start + (os.sends[k] ?? 0);
    const state = lookahead(ex.state, sentAt);
    const landing = land(state, a.ip, a.port);
    if (landing.ok) return { ok: true, component: landing.component, state, at: sentAt, retransmitted: k > 0 };
    if (landing.result === 'refused') {
      failHop(ex, a, sentAt + 2 * INTERNET_MS, landing, '');
      return { ok: false, result: 'refused', at: sentAt + 2 * INTERNET_MS };
    }
    const later = os.sends.slice(k + 1);
    const settled = lookahead(state, 1) === state;
    const givesUp = a.start + os.givesUp;
    if (later.length === 0 || settled) {
      const again = later.length === 0 ? '' : `; ${os.label} sends the SYN again at ${seconds(later)}`;
      failHop(ex, a, givesUp, landing, `${again}; no answer, so it gives up ${formatMs(os.givesUp)} after the first SYN (${os.source})`);
      return { ok: false, result: 'timeout', at: givesUp };
    }
    failHop(ex, a, a.start + (later[0] ?? 0), landing, `; ${os.label} sends the SYN again ${formatMs(later[0] ?? 0)} after the first`);
  }
  return { ok: false, result: 'timeout', at: a.start + os.givesUp };
}
