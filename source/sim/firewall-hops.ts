/**
 * Firewalls as hops: a packet that crosses a machine's firewall is let through by a rule (or,
 * with the firewall stopped, by nothing at all), and the trace shows that decision as a hop of
 * its own, on normal requests as on refused ones, between machines as from the internet.
 */
import type { Ms } from '../model/types.js';
import { hop, type Exchange } from './exchange.js';
import { allowingRule, isOpen } from './reality.js';
import { topologyIndex } from './topology-index.js';

export interface Crossing {
  /** Who sends: a component id. */
  readonly from: string;
  /** Its machine, or null for the internet. */
  readonly fromHost: string | null;
  readonly toHost: string | undefined;
  readonly port: number;
  readonly protocol: string;
  readonly encrypted: boolean;
  /** When the packet reaches the firewall (and, with no delay of its own, goes on). */
  readonly at: Ms;
}

/**
 * Records one hop per firewall the packet crosses on its way into `toHost` (none within one
 * machine): the sender to the firewall, saying why it passes. The hop of the connection itself
 * follows, from the sender to the receiver, as before. Only for packets `deliver` lets through:
 * every firewall here either allows them by a rule or is open.
 */
export function crossFirewalls(ex: Exchange, c: Crossing): void {
  if (c.toHost === undefined || c.fromHost === c.toHost) return;
  for (const fw of topologyIndex(ex.state.topology).firewallsOf(c.toHost)) {
    const source = c.fromHost ?? 'the internet';
    const rule = allowingRule(fw, c.fromHost, c.port);
    // Said only when the hop is kept: a replay without hops never asks for the firewall's state.
    const why = () =>
      isOpen(ex.state, fw)
        ? `${fw.id} is stopped, its rules flushed: it lets TCP ${c.port} from ${source} in, as it would anything (an exposure)`
        : `${fw.id} lets TCP ${c.port} from ${source} in (rule: allow ${c.port} from ${rule === undefined || rule.from === 'any' ? 'any' : rule.from.join(', ')})`;
    hop(ex, () => ({ at: c.at, from: c.from, to: fw.id, protocol: c.protocol, port: c.port, encrypted: c.encrypted, note: why(), direction: 'request', result: 'ok' }));
  }
}
