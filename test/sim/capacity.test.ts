import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import { capacityReport, queueFactor } from '../../source/sim/capacity.js';
import { createSim, settle, step } from '../../source/sim/engine.js';

const mix = { static: 30, read: 50, write: 20 };

describe('capacity model', () => {
  it('names the app server as the bottleneck and finds where it saturates', () => {
    const t = loadBuiltin('0');
    const app = t.components.find((c) => c.id === 'app-1');
    const r = capacityReport(t, createSim(t), { qps: 100, mix });
    expect(r.bottleneck?.id).toBe('app-1');
    // Dynamic requests (read + write, 70 %) all reach app-1.
    expect(r.maxQps).toBeCloseTo((app?.capacity ?? 0) / 0.7, 5);
    expect(r.failedQps).toBe(0);
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
