import { describe, expect, it } from 'vitest';
import { planDeploy } from '../../../source/sim/traffic/deploy.js';
import { act, run, traffic } from './helpers.js';

function deployAt(design: string, qps: number) {
  const ts = run(act(run(traffic(design, { qps }), 2_000), { type: 'deploy' }), 30_000);
  return { ts, record: ts.deploys[0] };
}

describe('deploys', () => {
  it('design 0: no load balancer, so the app restarts at once and requests fail meanwhile', () => {
    const { ts, record } = deployAt('0', 50);
    expect(record?.strategy).toBe('all-at-once');
    // 70 % of 50 QPS are dynamic and fail (502) during the restart; static files still work.
    expect(record?.failed).toBeGreaterThan(100);
    expect(record?.duration).toBeGreaterThanOrEqual(3_000);
    expect(ts.log.some((l) => l.stream === 'nginx-error' && l.text.includes('connect() failed (111: Connection refused)'))).toBe(true);
  });

  it('design 1: one server at a time, drained from HAProxy first, awaited back: zero failures', () => {
    const { ts, record } = deployAt('1', 40);
    expect(record).toMatchObject({ strategy: 'rolling', failed: 0 });
    expect(ts.log.some((l) => l.text.includes('set server web/nginx-1 state maint'))).toBe(true);
    expect(ts.log.some((l) => l.text.includes('Server web/nginx-1 is going DOWN for maintenance'))).toBe(true);
    // `state ready` brings a server back UP at once (HAProxy checks it right away).
    const back = ts.log.filter((l) => l.text.endsWith('is UP/READY (leaving forced maintenance).'));
    expect(back.map((l) => l.text.split(' ')[1])).toEqual(['web/nginx-1', 'web/nginx-2']);
    expect(ts.sim.lbs['haproxy-1']?.health['nginx-1']).toMatchObject({ up: true, maint: false, count: 0 });
  });

  it('design 3: a single path cannot be drained, so the deploy is downtime', () => {
    const { record } = deployAt('3', 50);
    expect(record?.strategy).toBe('in-place');
    expect(record?.failed).toBeGreaterThan(0);
  });

  it('design 4: Nginx retries the other app server, so a rolling restart loses nothing', () => {
    const { record } = deployAt('4', 40);
    expect(record).toMatchObject({ strategy: 'rolling', failed: 0 });
  });

  it('refuses to drain the last server a load balancer believes UP', () => {
    const ts = run(act(traffic('1', { qps: 10 }), { type: 'fail', id: 'nginx-2' }), 10_000);
    expect(planDeploy(ts.sim).strategy).toBe('in-place');
  });
});
