import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import type { Topology } from '../../source/model/types.js';
import { clientOses } from '../../source/sim/browser-os.js';
import { createSim, step } from '../../source/sim/engine.js';
import { trace } from './helpers.js';

/** Design 3 as a careless operator would write it: keepalived does not watch HAProxy. */
function untracked(): Topology {
  const t = loadBuiltin('3');
  return { ...t, clusters: t.clusters.map((c) => (c.kind === 'vip' ? { id: c.id, kind: c.kind, members: c.members, vip: c.vip, mode: c.mode } : c)) };
}

describe('the client operating system', () => {
  it('retransmits a SYN as the kernels do: Linux 1 s doubling ×6, Windows 3 s doubling ×2', () => {
    expect(clientOses.linux).toMatchObject({ sends: [0, 1000, 3000, 7000, 15000, 31000, 63000], givesUp: 127000 });
    expect(clientOses.windows).toMatchObject({ sends: [0, 3000, 9000], givesUp: 21000 });
  });

  it('gives up on a machine that is off after 127 s on Linux, 21 s on Windows', () => {
    const linux = trace({ design: '0', fail: ['server-1'] });
    const windows = trace({ design: '0', fail: ['server-1'], client: 'windows' });
    expect(linux.outcome.error).toContain('ERR_CONNECTION_TIMED_OUT');
    // Resolution takes a few tens of ms before the first SYN.
    expect(linux.duration - 127_000).toBeGreaterThanOrEqual(0);
    expect(linux.duration - 127_000).toBeLessThan(100);
    expect(windows.duration - 21_000).toBeGreaterThanOrEqual(0);
    expect(windows.duration - 21_000).toBeLessThan(100);
    // Nothing can change meanwhile: one hop sums the retransmissions up.
    expect(linux.hops.filter((h) => h.result === 'timeout')).toHaveLength(1);
  });

  it('is served late through haproxy-2 when lb-1 dies just as the request leaves', () => {
    // VIP moves at 3.609 s; Linux SYNs at 0, 1, 3, 7 s → the one at 7 s gets through.
    const linux = trace({ design: '3', fail: ['lb-1'], after: 0 });
    expect(linux.outcome).toMatchObject({ status: 200 });
    expect(linux.hops.some((h) => h.from === 'haproxy-2')).toBe(true);
    expect(linux.duration).toBeGreaterThanOrEqual(7000);
    expect(linux.duration).toBeLessThan(7300);
    // Windows SYNs at 0, 3, 9 s → served after 9 s.
    const windows = trace({ design: '3', fail: ['lb-1'], after: 0, client: 'windows' });
    expect(windows.outcome.status).toBe(200);
    expect(windows.duration).toBeGreaterThanOrEqual(9000);
    expect(windows.duration).toBeLessThan(9300);
    // Sent 3.5 s after: Windows' next SYN is 3 s later (6.5 s > 3.609 s).
    const late = trace({ design: '3', fail: ['lb-1'], after: 3500, client: 'windows' });
    expect(late.duration).toBeGreaterThanOrEqual(3000);
    expect(late.duration).toBeLessThan(3300);
  });

  it('labels every HTTPS hop encrypted, including the SYNs that were never answered', () => {
    const t = trace({ design: '3', fail: ['lb-1'], after: 0 });
    const https = t.hops.filter((h) => h.protocol === 'HTTPS');
    expect(https.some((h) => h.result === 'timeout')).toBe(true);
    expect(https.every((h) => h.encrypted)).toBe(true);
  });
});

describe('a stopped HAProxy on a running machine', () => {
  it('keeps the VIP without a track script: clients are refused until it is restarted', () => {
    const t = trace({ design: '3', topology: untracked(), fail: ['haproxy-1'] });
    expect(t.outcome.error).toContain('ERR_CONNECTION_REFUSED');
    expect(t.hops.some((h) => h.to === 'haproxy-2' || h.from === 'haproxy-2')).toBe(false);
  });

  it('gives the VIP up after fall × interval with one, and takes it back rise × interval after the restart', () => {
    // Design 3: interval 1 s, fall 2, rise 2; backup skew at priority 100 = 609 ms.
    let state = step(createSim(loadBuiltin('3')), { type: 'fail', id: 'haproxy-1' }).state;
    state = step(state, { type: 'advance', ms: 2608 }).state;
    expect(state.vips['lb-cluster']?.holder).toBe('haproxy-1');
    state = step(state, { type: 'advance', ms: 1 }).state;
    expect(state.vips['lb-cluster']?.holder).toBe('haproxy-2');
    state = step(state, { type: 'heal', id: 'haproxy-1' }).state;
    state = step(state, { type: 'advance', ms: 1999 }).state;
    expect(state.vips['lb-cluster']?.holder).toBe('haproxy-2');
    state = step(state, { type: 'advance', ms: 1 }).state;
    expect(state.vips['lb-cluster']?.holder).toBe('haproxy-1');
  });
});

describe('firewalls', () => {
  /** Design 2 with fw-2 declared as a network appliance instead of iptables on server-1. */
  function appliance(): Topology {
    const t = loadBuiltin('2');
    return { ...t, components: t.components.map((c) => (c.kind === 'firewall' && c.id === 'fw-2' ? { ...c, type: 'network' as const } : c)) };
  }

  it('show as hops where they let a request in, from the internet and between machines', () => {
    const t = trace({ design: '2' });
    expect(t.outcome.status).toBe(200);
    const decisions = t.hops.filter((h) => h.to.startsWith('fw-')).map((h) => `${h.from}>${h.to}`);
    // The browser enters lb-1 through fw-1; haproxy-1 reaches nginx on server-1 or server-2 through fw-2 or fw-3.
    expect(decisions[0]).toBe('browser>fw-1');
    expect(decisions[1]).toMatch(/^haproxy-1>fw-[23]$/);
  });

  it('show database traffic between machines passing the database host firewall', () => {
    const t = trace({ design: '3' });
    expect(t.hops.map((h) => `${h.from}>${h.to}`)).toContain('app-1>fw-5');
  });

  it('a stopped host firewall lets everything in (an exposure); a dead appliance lets nothing through', () => {
    expect(trace({ design: '2' }, 'TCP 8.8.8.11:3306').outcome.error).toContain('TIMED_OUT');
    expect(trace({ design: '2', fail: ['fw-2'] }, 'TCP 8.8.8.11:3306').outcome.servedBy).toBe('mysql-1');
    expect(trace({ design: '2', fail: ['fw-1'] }).outcome.status).toBe(200);
    const dead = trace({ design: '2', topology: appliance(), fail: ['fw-2'] }, 'TCP 8.8.8.11:3306');
    expect(dead.outcome.error).toContain('TIMED_OUT');
  });
});
