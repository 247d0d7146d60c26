import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import { createSim, healthView, settle, step } from '../../source/sim/engine.js';
import { parseRequest } from '../../source/grammar/request.js';
import type { SimState } from '../../source/sim/types.js';

const design1 = () => settle(createSim(loadBuiltin('1'))).state;
const maint = (s: SimState, on: boolean, server = 'nginx-1') => step(s, { type: 'maintenance', lb: 'haproxy-1', server, on });
const row = (s: SimState, server: string) => healthView(s, 'haproxy-1').find((r) => r.backend === server);
const servedBy = (s: SimState, n: number) => {
  let state = s;
  const out: (string | null)[] = [];
  for (let i = 0; i < n; i++) {
    const r = step(state, { type: 'send', request: parseRequest('GET /') });
    state = r.state;
    out.push(r.trace?.outcome.servedBy ?? null);
  }
  return out;
};

describe('maintenance (set server web/<server> state maint|ready)', () => {
  it('takes the server out of the rotation at once and logs what HAProxy logs', () => {
    const r = maint(design1(), true);
    expect(r.events.map((e) => e.text)).toEqual([
      'Server web/nginx-1 is going DOWN for maintenance. 1 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue.',
    ]);
    expect(row(r.state, 'nginx-1')).toMatchObject({ up: false, reallyUp: true, maint: true, last: 'MAINT', nextCheckIn: 0 });
    expect(servedBy(r.state, 4)).toEqual(['nginx-2', 'nginx-2', 'nginx-2', 'nginx-2']);
  });

  it('pauses the checks: a server in maintenance stays DOWN however long it answers them', () => {
    const later = step(maint(design1(), true).state, { type: 'advance', ms: 60_000 });
    expect(later.events).toEqual([]);
    expect(row(later.state, 'nginx-1')).toMatchObject({ up: false, maint: true });
  });

  it('comes back UP at once on ready, checked right away: one failed check takes it out again', () => {
    const inMaint = maint(design1(), true).state;
    const ready = maint(inMaint, false);
    expect(ready.events.map((e) => e.text)).toEqual(['Server web/nginx-1 is UP/READY (leaving forced maintenance).']);
    expect(row(ready.state, 'nginx-1')).toMatchObject({ up: true, maint: false, count: 2, of: 3, nextCheckIn: 0 });
    // Healthy: the first check clears the count.
    expect(row(step(ready.state, { type: 'advance', ms: 1 }).state, 'nginx-1')).toMatchObject({ up: true, count: 0, last: 'L4OK' });
    // Dead while in maintenance: the first check after `ready` is enough to mark it DOWN.
    const dead = maint(step(inMaint, { type: 'fail', id: 'nginx-1' }).state, false).state;
    const after = step(dead, { type: 'advance', ms: 1 });
    expect(after.events.map((e) => e.text)).toEqual([
      'Server web/nginx-1 is DOWN, reason: Layer4 connection problem, info: "Connection refused", check duration: 0ms. 1 active and 0 backup servers left.',
    ]);
  });

  it('says when a server that was already DOWN enters maintenance, and changes nothing twice', () => {
    const down = settle(step(design1(), { type: 'fail', id: 'nginx-1' }).state).state;
    const r = maint(down, true);
    expect(r.events.map((e) => e.text)).toEqual(['Server web/nginx-1 was DOWN and now enters maintenance.']);
    expect(maint(r.state, true)).toEqual({ state: r.state, events: [] });
    expect(maint(design1(), false).events).toEqual([]);
  });

  it('is refused by a dead HAProxy (its runtime API does not answer)', () => {
    const dead = step(design1(), { type: 'fail', id: 'haproxy-1' }).state;
    const r = maint(dead, true);
    expect(r.state).toBe(dead);
    expect(r.events[0]?.text).toContain('haproxy-1 is down');
  });

  it('rejects a load balancer or server the topology does not have', () => {
    expect(() => step(design1(), { type: 'maintenance', lb: 'nginx-1', server: 'app-1', on: true })).toThrow('nginx-1 is not a load balancer');
    expect(() => maint(design1(), true, 'app-1')).toThrow(/app-1 is not a server of haproxy-1/);
  });

  it('answers 503 when every server is in maintenance', () => {
    const both = maint(maint(design1(), true).state, true, 'nginx-2');
    expect(both.events[0]?.level).toBe('error');
    expect(step(both.state, { type: 'send', request: parseRequest('GET /') }).trace?.outcome).toMatchObject({ status: 503, origin: 'haproxy-1' });
  });
});
