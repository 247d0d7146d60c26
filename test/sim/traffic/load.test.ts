import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../../source/model/load-builtins.js';
import { classCounts } from '../../../source/sim/traffic/mix.js';
import { roundTally } from '../../../source/sim/traffic/tally.js';
import { createSim } from '../../../source/sim/engine.js';
import { requestClasses } from '../../../source/sim/replay.js';
import { send } from '../../../source/sim/send.js';
import { APP_WORK_MS, DB_QUERY_MS, GUNICORN_TIMEOUT, HAPROXY_TIMEOUT_CONNECT, LAN_MS } from '../../../source/sim/timings.js';
import { startTraffic } from '../../../source/sim/traffic/traffic.js';
import { act, failuresPerSecond, run, traffic } from './helpers.js';

describe('throughput and utilization', () => {
  it('sends exactly qps × time, split by the mix', () => {
    const ts = run(traffic('1', { qps: 137, mix: { static: 1, read: 1, write: 1 } }), 10_000);
    const t = roundTally(ts.totals);
    expect(t.sent).toBe(1370);
    expect(t.failed).toBe(0);
    expect(ts.components['haproxy-1']?.requests).toBeCloseTo(1370, 6);
    // Static files stop at Nginx; a third of the requests never reach an app server.
    const apps = (ts.components['app-1']?.requests ?? 0) + (ts.components['app-2']?.requests ?? 0);
    expect(apps).toBeCloseTo((1370 * 2) / 3, -1);
  });

  it('carries fractions of a request from tick to tick', () => {
    let carry = { static: 0, read: 0, write: 0 };
    let sent = 0;
    for (let i = 0; i < 100; i++) {
      const r = classCounts(7, { static: 3, read: 5, write: 2 }, 100, carry);
      carry = r.carry;
      sent += r.counts.static + r.counts.read + r.counts.write;
    }
    expect(sent).toBe(70);
  });

  it('round robin gives both servers the same share', () => {
    const ts = run(traffic('1', { qps: 100 }), 20_000);
    expect(ts.components['nginx-1']?.requests).toBeCloseTo(ts.components['nginx-2']?.requests ?? 0, -1);
  });

  it('an app server\'s utilization is its busy workers over its workers (Little\'s law)', () => {
    const topology = loadBuiltin('1');
    const app = topology.components.find((c) => c.id === 'app-1');
    const workers = app?.kind === 'app-server' ? app.workers : 0;
    // A dynamic request holds a worker from its arrival until the answer is back at Nginx: the
    // query's round trip (2 × LAN + the query), the page work, and the answer's way back (LAN).
    const hold = (APP_WORK_MS + DB_QUERY_MS + 3 * LAN_MS) / 1000;
    const ts = run(traffic('1', { qps: 200 }), 5_000);
    // 70 % of the requests are dynamic, split over two app servers.
    const expected = (((200 * 0.7) / 2) * hold) / workers;
    expect(ts.current.components['app-1']?.utilization).toBeCloseTo(expected, 2);
    expect(ts.current.components['app-1']?.capacity).toBe(Math.round(workers / hold));
    expect(ts.current.bottleneck).toMatch(/^app-/);
  });
});

describe('overload', () => {
  it('fails the excess at the app tier with HAProxy 504 (timeout server), with growing latency', () => {
    const calm = run(traffic('1', { qps: 100 }), 5_000);
    const busy = run(traffic('1', { qps: 2000 }), 5_000);
    const rho = busy.current.components['app-1']?.utilization ?? 0;
    expect(rho).toBeGreaterThan(1);
    const t = roundTally(busy.totals);
    const dynamic = 2000 * 5 * 0.7;
    expect(t.byOutcome['504']).toBeCloseTo(dynamic * (1 - 1 / rho), -2);
    expect(t.byOutcome['503']).toBeUndefined();
    expect(busy.totals.latencySum / busy.totals.sent).toBeGreaterThan((calm.totals.latencySum / calm.totals.sent) * 10);
    expect(busy.current.bottleneck).toMatch(/^app-/);
    expect(busy.log.some((l) => l.stream === 'haproxy' && l.text.includes(' 504 ') && l.text.includes(' sH-- '))).toBe(true);
  });

  it('without a load balancer, Nginx answers 504 after its read time-out and logs why', () => {
    const ts = run(traffic('0', { qps: 300 }), 3_000);
    expect(roundTally(ts.totals).byOutcome['504']).toBeGreaterThan(0);
    expect(ts.log.some((l) => l.stream === 'nginx-error' && l.text.includes('upstream timed out (110: Connection timed out) while reading response header'))).toBe(true);
  });

  it('a saturated entry point drops connections: the browser times out', () => {
    const ts = run(traffic('1', { qps: 40_000, mix: { static: 1, read: 0, write: 0 } }), 2_000);
    expect(ts.current.bottleneck).toBe('haproxy-1');
    expect(roundTally(ts.totals).byOutcome['timeout']).toBeGreaterThan(0);
  });
});

describe('failures under load', () => {
  it('design 1 at 100 QPS: nginx-1 fails → errors until HAProxy marks it DOWN, then none', () => {
    const warm = run(traffic('1', { qps: 100 }), 5_000);
    const failed = act(warm, { type: 'fail', id: 'nginx-1' });
    const { state, failures } = failuresPerSecond(failed, 12);
    const detection = state.detections.find((d) => d.text.startsWith('haproxy-1 marked nginx-1 DOWN'));
    expect(detection?.after).toBeGreaterThanOrEqual(4_000);
    expect(detection?.after).toBeLessThanOrEqual(6_000);
    const detectedIn = Math.floor((detection?.after ?? 0) / 1000);
    expect(failures.slice(0, detectedIn).every((f) => f >= 40 && f <= 60)).toBe(true);
    expect(failures.slice(detectedIn + 1).every((f) => f === 0)).toBe(true);
    expect(state.log.some((l) => l.text.includes('web/nginx-1') && l.text.includes(' 503 ') && l.text.includes('SC--'))).toBe(true);
    expect(state.log.some((l) => l.stream === 'haproxy' && l.text.includes('nginx-1 is DOWN'))).toBe(true);
  });

  it('with every server down HAProxy logs <NOSRV>', () => {
    let ts = act(act(traffic('1', { qps: 50 }), { type: 'fail', id: 'nginx-1' }), { type: 'fail', id: 'nginx-2' });
    ts = run(ts, 12_000);
    expect(ts.log.some((l) => l.text.includes('web/<NOSRV>') && l.text.includes(' 503 '))).toBe(true);
  });

  it('design 3: the VIP moves to haproxy-2; only the requests in flight through lb-1 are lost, the gap is served late', () => {
    const before = run(traffic('3', { qps: 100 }), 2_000);
    const ts = act(before, { type: 'fail', id: 'lb-1' });
    const lost = ts.totals.failed;
    // Little's law: 100 requests/s × the time a browser waits for its answer on the connection.
    expect(lost).toBeCloseTo(inFlightNow(before, 100), 0);
    expect(ts.totals.byOutcome['reset']).toBeCloseTo(lost, 6);
    const { state, failures } = failuresPerSecond(ts, 10);
    const takeover = state.detections.find((d) => d.text.startsWith('haproxy-2 took over the VIP'));
    expect(takeover?.after).toBeGreaterThan(3_000);
    expect(takeover?.after).toBeLessThan(4_000);
    // New connections in the gap retransmit their SYN and reach haproxy-2: nothing more fails.
    expect(failures.every((f) => f === 0)).toBe(true);
    expect(state.totals.latencyMax).toBeGreaterThan(3_000);
  });
});

/**
 * The requests on the browser's connections at one moment, by Little's law: the rate of each
 * class (the default mix, 30:50:20) times how long its browser waits for the answer once it has
 * the address, measured on one request of that class sent alone on the traffic's engine state.
 */
function inFlightNow(ts: ReturnType<typeof traffic>, qps: number): number {
  const mix = { static: 0.3, read: 0.5, write: 0.2 } as const;
  let n = 0;
  for (const cls of Object.keys(mix) as (keyof typeof mix)[]) {
    const { hops } = send(ts.sim, requestClasses[cls]).trace;
    const resolved = hops.filter((h) => h.protocol === 'DNS' && h.to === 'browser').at(-1)?.at ?? 0;
    n += (qps * mix[cls] * ((hops.at(-1)?.at ?? 0) - resolved)) / 1000;
  }
  return n;
}

describe('requests in flight when a part dies', () => {

  it('a machine that is gone answers nothing: its requests in flight end as time-outs, as many as flow now', () => {
    // An earlier outage leaves slow failures in the run's totals; the loss follows today's latency.
    const healed = run(act(run(act(traffic('1', { qps: 50 }), { type: 'fail', id: 'server-2' }), 10_000), { type: 'heal', id: 'server-2' }), 10_000);
    const now = healed.window[healed.window.length - 1]!;
    expect(healed.totals.latencySum / healed.totals.sent).toBeGreaterThan((3 * now.latencySum) / now.sent);
    const ts = act(healed, { type: 'fail', id: 'lb-1' });
    const lost = ts.totals.failed - healed.totals.failed;
    expect(lost).toBeCloseTo(inFlightNow(healed, 50), 0);
    expect((ts.totals.byOutcome['timeout'] ?? 0) - (healed.totals.byOutcome['timeout'] ?? 0)).toBeCloseTo(lost, 6);
    expect(ts.totals.byOutcome['reset'] ?? 0).toBe(0);
  });

  /** The requests moved to failures by `action` at the moment it happens, by how they end. */
  const lostAt = (design: string, action: Parameters<typeof act>[1]) => {
    const warm = run(traffic(design, { qps: 200 }), 2_000);
    const ts = act(warm, action);
    const lost = Object.entries(ts.totals.byOutcome).flatMap(([k, v]) => (/^2\d\d$/.test(k) ? [] : [[k, v - (warm.totals.byOutcome[k] ?? 0)] as const]));
    return { all: inFlightNow(warm, 200), lost: Object.fromEntries(lost.filter(([, v]) => v > 0)) };
  };

  it('a stopped host firewall passes everything: nothing in flight is lost', () => {
    expect(lostAt('2', { type: 'fail', id: 'fw-1' }).lost).toEqual({});
  });

  it('deeper in, the sender decides: HAProxy answers 502 for a web server that stops, 504 for one that is gone', () => {
    const stopped = lostAt('2', { type: 'fail', id: 'nginx-1' });
    expect(Object.keys(stopped.lost)).toEqual(['502']);
    // Half the requests go through nginx-1, and they wait there less than at the browser.
    expect(stopped.lost['502']).toBeLessThan(stopped.all / 2);
    expect(Object.keys(lostAt('3', { type: 'fail', id: 'web-1' }).lost)).toEqual(['504']);
  });

  it('the app answers 500 for a database that stops mid-query, and a gone one holds the worker until Nginx gets 502', () => {
    expect(Object.keys(lostAt('3', { type: 'fail', id: 'mysql-1' }).lost)).toEqual(['500']);
    expect(Object.keys(lostAt('3', { type: 'fail', id: 'db-1' }).lost)).toEqual(['502']);
  });

  it('Nginx sends a GET cut off by a reset to its other upstream; only the POSTs are lost', () => {
    const { lost } = lostAt('4', { type: 'fail', id: 'app-1' });
    const { lost: alone } = lostAt('3', { type: 'fail', id: 'app-1' });
    expect(Object.keys(lost)).toEqual(['502']);
    // Design 3 has one app server: every request in flight at it is lost. Here app-1 carries half
    // the dynamic requests and only its writes are lost (2 of every 7 dynamic ones): about 1/7 as many.
    expect(lost['502']).toBeLessThan((alone['502'] ?? 0) / 4);
  });

  it('a stopped process on a running machine: its kernel resets the connections in flight', () => {
    const warm = run(traffic('1', { qps: 50 }), 2_000);
    const ts = act(warm, { type: 'fail', id: 'haproxy-1' });
    expect(ts.totals.failed).toBeGreaterThan(0);
    expect(ts.totals.byOutcome['reset']).toBeCloseTo(ts.totals.failed, 6);
  });
});

describe('a stalled tier', () => {
  it('a hung database holds every worker: dynamic requests fail, static files still work', () => {
    const warm = run(traffic('0', { qps: 100 }), 2_000);
    const hung = run(act(warm, { type: 'hang', id: 'mysql-1' }), 10_000);
    const app = hung.current.components['app-1'];
    // 70 dynamic requests/s each holding a worker for Gunicorn's 30 s time-out, over 3 workers.
    expect(app?.utilization).toBeCloseTo((70 * (GUNICORN_TIMEOUT + 2 * LAN_MS)) / 1000 / 3, -1);
    expect(app?.capacity).toBe(0);
    const before = roundTally(warm.totals);
    const t = roundTally(hung.totals);
    const sent = t.sent - before.sent;
    // Static files (30 %) never touch the app: they are all served.
    expect(t.ok - before.ok).toBeCloseTo(sent * 0.3, -1);
    expect(hung.current.bottleneck).toBe('app-1');
  });
});

describe('HAProxy maxconn', () => {
  /** Design 1 with `maxconn` on haproxy-1's server lines. */
  function limited(maxconn: number) {
    const t = loadBuiltin('1');
    const topology = { ...t, components: t.components.map((c) => (c.kind === 'load-balancer' ? { ...c, maxconn } : c)) };
    return startTraffic(createSim(topology), { qps: 50 });
  }

  it('a stalled server fills its maxconn: the rest wait in HAProxy\'s queue, then 503 with flags sQ after timeout queue (= timeout connect, unset)', () => {
    const hung = run(act(run(limited(10), 1_000), { type: 'hang', id: 'app-1' }), 5_000);
    const t = roundTally(hung.totals);
    expect(t.byOutcome['503']).toBeGreaterThan(0);
    const line = hung.log.find((l) => l.stream === 'haproxy' && l.text.includes(' 503 ') && l.text.includes('sQ--'));
    expect(line?.text).toContain('web/nginx-1');
    // The whole wait is in the queue (Tw), the connection never started (Tc = Tr = -1).
    const wait = Number(/ 0\/(\d+)\/-1\/-1\/\d+ 503 /.exec(line?.text ?? '')?.[1]);
    expect(wait).toBeGreaterThanOrEqual(HAPROXY_TIMEOUT_CONNECT);
    expect(wait).toBeLessThan(HAPROXY_TIMEOUT_CONNECT + 1_000);
    // Without maxconn (HAProxy's default) there is no queue and no sQ.
    const open = run(act(run(traffic('1', { qps: 50 }), 1_000), { type: 'hang', id: 'app-1' }), 5_000);
    expect(open.log.some((l) => l.text.includes('sQ--'))).toBe(false);
  });
});
