import { describe, expect, it } from 'vitest';
import { monitorView } from '../../../source/sim/traffic/monitoring.js';
import { NO_DATA_ALERT_MS } from '../../../source/sim/traffic/timings.js';
import { act, run, traffic } from './helpers.js';

describe('monitoring', () => {
  it.each(['0', '1'])('design %s has no agent: an empty view that says why', (design) => {
    const view = monitorView(run(traffic(design), 3_000));
    expect(view.rows).toEqual([]);
    expect(view.reason).toMatch(/no host runs an agent/);
  });

  it('design 2: the three hosts with an agent report QPS from their logs', () => {
    const view = monitorView(run(traffic('2', { qps: 100 }), 3_000));
    expect(view.service).toBe('sumologic');
    expect(view.rows.map((r) => [r.host, r.status])).toEqual([['lb-1', 'ok'], ['server-1', 'ok'], ['server-2', 'ok']]);
    expect(view.rows[0]?.qps).toBe(100);
    expect(view.rows[1]?.qps).toBe(50);
    expect(view.rows[1]?.errorRate).toBe(0);
  });

  it('a dead host stops reporting and raises a "no data" alert after the window', () => {
    const failed = act(run(traffic('2', { qps: 50 }), 2_000), { type: 'fail', id: 'server-1' });
    const soon = run(failed, 5_000);
    expect(monitorView(soon).rows.find((r) => r.host === 'server-1')?.status).toBe('late');
    const later = run(soon, NO_DATA_ALERT_MS);
    expect(monitorView(later).rows.find((r) => r.host === 'server-1')).toMatchObject({ status: 'no data', qps: null });
    expect(later.log.some((l) => l.stream === 'monitoring' && l.text.includes('[ALERT] No data') && l.text.includes('server-1'))).toBe(true);
    const healed = run(act(later, { type: 'heal', id: 'server-1' }), 1_000);
    expect(healed.log.some((l) => l.text.includes('[RESOLVED] server-1'))).toBe(true);
  });

  it('a failed firewall blinds its host agent too (outbound HTTPS is dropped)', () => {
    const ts = run(act(traffic('2', { qps: 10 }), { type: 'fail', id: 'fw-3' }), NO_DATA_ALERT_MS + 1_000);
    expect(monitorView(ts).rows.find((r) => r.host === 'server-2')?.status).toBe('no data');
  });
});
