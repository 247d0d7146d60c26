import { describe, expect, it } from 'vitest';
import { filterLog } from '../../../source/sim/traffic/log-buffer.js';
import { LOG_CAPACITY, WINDOW_SECONDS } from '../../../source/sim/traffic/timings.js';
import { trafficInput } from '../../../source/sim/traffic/traffic.js';
import { act, run, traffic } from './helpers.js';

describe('event log and memory bounds', () => {
  it('samples access lines once per second with a count', () => {
    const ts = run(traffic('1', { qps: 100 }), 3_000);
    const lines = ts.log.filter((l) => l.stream === 'nginx-access' && l.source === 'nginx-1' && l.text.includes('"GET / '));
    expect(lines).toHaveLength(2);
    expect(lines[0]?.count).toBe(25);
    expect(lines[0]?.text).toMatch(/^8\.8\.8\.8 - - \[01\/Jan\/2026:00:00:00 \+0000\] "GET \/ HTTP\/1\.1" 200 \d+ "-" "Mozilla/);
  });

  it('keeps at most LOG_CAPACITY lines and a 60 s window, with increasing sequence numbers', () => {
    const ts = run(act(traffic('1', { qps: 300 }), { type: 'fail', id: 'app-1' }), 65_000);
    expect(ts.log.length).toBeLessThanOrEqual(LOG_CAPACITY);
    expect(ts.window.length).toBe(WINDOW_SECONDS);
    expect(ts.log.every((l, i) => i === 0 || l.seq > (ts.log[i - 1]?.seq ?? 0))).toBe(true);
  });

  it('filters by text, source or stream', () => {
    const ts = run(act(traffic('1', { qps: 50 }), { type: 'fail', id: 'app-1' }), 2_000);
    const errors = filterLog(ts.log, 'Connection refused');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((l) => l.stream === 'nginx-error')).toBe(true);
    expect(filterLog(ts.log, '').length).toBe(ts.log.length);
  });

  it('logs a firewall drop for a probe', () => {
    const r = trafficInput(traffic('2'), { type: 'send', request: { kind: 'tcp', ip: '8.8.8.11', port: 3306 } });
    expect(r.trace?.outcome.error).toMatch(/timed out/);
    expect(r.lines.some((l) => l.stream === 'firewall' && /DROP IN=eth0 .*DST=8\.8\.8\.11 .*DPT=3306/.test(l.text))).toBe(true);
  });

  it('never mutates the state it is given', () => {
    const ts = run(traffic('1', { qps: 100 }), 1_000);
    const copy = structuredClone(ts);
    run(act(ts, { type: 'deploy' }), 3_000);
    expect(ts).toEqual(copy);
  });
});
