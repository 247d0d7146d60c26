import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import { capacityReport, queueFactor } from '../../source/sim/capacity.js';
import { createSim, settle, step } from '../../source/sim/engine.js';
import { APP_WORK_MS, DB_QUERY_MS, LAN_MS } from '../../source/sim/timings.js';

const mix = { static: 30, read: 50, write: 20 };

describe('capacity model', () => {
  it('names the app server as the bottleneck: capacity = workers ÷ the time a request holds one', () => {
    const t = loadBuiltin('0');
    const r = capacityReport(t, createSim(t), { qps: 50, mix });
    expect(r.bottleneck?.id).toBe('app-1');
    // 3 sync workers; a dynamic request holds one 35 ms (the query's round trip, the page work,
    // the answer back): 3 / 0.035 s ≈ 86 dynamic requests/s. They are 70 % of the mix.
    const hold = (APP_WORK_MS + DB_QUERY_MS + 3 * LAN_MS) / 1000;
    expect(r.components.find((c) => c.id === 'app-1')?.capacity).toBeCloseTo(3 / hold, 5);
    expect(r.maxQps).toBeCloseTo(3 / hold / 0.7, 5);
    expect(r.failedQps).toBe(0);
  });

  it('more workers, more capacity: 9 workers serve three times as much', () => {
    const t = loadBuiltin('0');
    const nine = { ...t, components: t.components.map((c) => (c.kind === 'app-server' ? { ...c, workers: 9 } : c)) };
    const three = capacityReport(t, createSim(t), { qps: 50, mix }).maxQps;
    expect(capacityReport(nine, createSim(nine), { qps: 50, mix }).maxQps).toBeCloseTo(3 * three, 5);
  });

  it('fails the excess above capacity and grows latency near saturation', () => {
    const t = loadBuiltin('0');
    const light = capacityReport(t, createSim(t), { qps: 100, mix });
    const heavy = capacityReport(t, createSim(t), { qps: light.maxQps * 2, mix });
    const read = (r: typeof light) => r.classes.find((c) => c.name === 'read');
    expect(read(heavy)?.success).toBeCloseTo(0.5, 5);
    expect(read(heavy)?.latencyMs).toBeGreaterThan(read(light)?.latencyMs ?? Infinity);
    expect(heavy.classes.find((c) => c.name === 'static')?.success).toBe(1);
    expect(heavy.bottleneck?.failsWith).toContain('504');
  });

  it('spreads load over both servers in design 1 and halves capacity when one is lost', () => {
    const t = loadBuiltin('1');
    const both = capacityReport(t, createSim(t), { qps: 100, mix });
    const one = capacityReport(t, settle(step(createSim(t), { type: 'fail', id: 'server-2' }).state).state, { qps: 100, mix });
    expect(one.maxQps).toBeCloseTo(both.maxQps / 2, 5);
  });

  it('queue latency factor is 1/(1-ρ), capped', () => {
    expect(queueFactor(0)).toBe(1);
    expect(queueFactor(0.5)).toBe(2);
    expect(queueFactor(5)).toBeCloseTo(20, 9);
  });
});
