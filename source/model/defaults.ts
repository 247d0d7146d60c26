import { durationPattern } from './limits.js';
import type { HealthCheck, TrackScript } from './types.js';

/**
 * What a topology file may leave out, in one place. The numbers follow the real software's
 * defaults (see the realism notes): HAProxy checks every 2 s, marks a server down after 3 failed
 * checks and up after 2 good ones, retries a connection 3 times and does not redispatch;
 * keepalived runs a `vrrp_script` every 1 s and counts 1 failure as KO and 1 success as OK
 * (`VRRP_SCRIPT_DI` and `alloc_vrrp_script()` in keepalived's vrrp_track.h and vrrp_data.c).
 */
export const defaults = {
  ttl: 300,
  health: { check: 'tcp', inter: 2000, fall: 3, rise: 2 } satisfies HealthCheck,
  retries: 3,
  redispatch: false,
  balance: 'roundrobin',
  firewallDefault: 'drop',
  /** Host firewalls (iptables on each machine), as a small site running on rented servers has. */
  firewallType: 'host',
  staticPrefixes: ['/static/'],
  role: 'primary',
  vipMode: 'active-passive',
  trackScript: { interval: 1000, fall: 1, rise: 1 } satisfies TrackScript,
  failover: 'manual',
  /**
   * Gunicorn sync workers: Gunicorn's own default is 1 (or WEB_CONCURRENCY); its docs start from
   * (2 × cores) + 1, which is 3 on the one-core servers of the designs.
   */
  workers: 3,
  /** The port of a load balancer that terminates TLS (the other default ports are in the kind table). */
  httpsPort: 443,
} as const;

const unitMs = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 } as const;

/** `500ms` → 500, `2s` → 2000, `1.5m` → 90000, `1h` → 3600000 (rounded to whole ms); throws for anything else. */
export function durationMs(text: string): number {
  const match = durationPattern.exec(text);
  if (!match) throw new Error(`not a duration: ${text}`);
  return Math.round(Number(match[1]) * unitMs[match[2] as keyof typeof unitMs]);
}
