import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import { createSim, settle, step } from '../../source/sim/engine.js';
import { parseRequest } from '../../source/grammar/request.js';
import { prepared, trace, traces } from './helpers.js';

describe('design 0 (everything on one server)', () => {
  it('serves GET / through Nginx, the app and MySQL, in plain HTTP', () => {
    const t = trace({ design: '0' });
    expect(t.outcome).toMatchObject({ status: 200, servedBy: 'nginx-1', origin: 'app-1' });
    expect(t.hops.map((h) => `${h.from}>${h.to}`)).toContain('app-1>mysql-1');
    expect(t.hops.every((h) => !h.encrypted)).toBe(true);
  });

  it('answers 502 from Nginx when the app server is down, with the error-log line', () => {
    const t = trace({ design: '0', fail: ['app-1'] });
    expect(t.outcome).toMatchObject({ status: 502, reason: 'Bad Gateway', origin: 'nginx-1' });
    expect(t.outcome.body).toContain('<center><h1>502 Bad Gateway</h1></center>');
  });

  it('answers 500 when MySQL is down', () => {
    expect(trace({ design: '0', fail: ['mysql-1'] }).outcome).toMatchObject({ status: 500, origin: 'app-1' });
  });

  it('refuses the connection when only Nginx is down, times out when the server is off', () => {
    expect(trace({ design: '0', fail: ['nginx-1'] }).outcome.error).toContain('ERR_CONNECTION_REFUSED');
    expect(trace({ design: '0', fail: ['server-1'] }).outcome.error).toContain('ERR_CONNECTION_TIMED_OUT');
  });

  it('fails resolution when DNS is down, and nothing else happens', () => {
    const t = trace({ design: '0', fail: ['dns'] });
    expect(t.outcome.error).toContain('ERR_NAME_NOT_RESOLVED');
    expect(t.hops.every((h) => h.protocol === 'DNS')).toBe(true);
  });

  it('serves static files from Nginx without touching the app', () => {
    const t = trace({ design: '0', fail: ['app-1'] }, 'GET /static/logo.png');
    expect(t.outcome).toMatchObject({ status: 200, origin: 'nginx-1' });
  });
});

describe('design 1 (load balancer, two servers)', () => {
  it('once settled after server-1 dies, GET / is served by nginx-2 and POST /signup fails', () => {
    expect(trace({ design: '1', fail: ['server-1'] }).outcome).toMatchObject({ status: 200, servedBy: 'nginx-2' });
    expect(trace({ design: '1', fail: ['server-1'] }, 'POST /signup').outcome).toMatchObject({ status: 500 });
  });

  it('1 s after server-1 dies, round robin still picks it: 3 retries, then 503 (no redispatch)', () => {
    const t = trace({ design: '1', fail: ['server-1'], after: 1000 });
    const attempts = t.hops.filter((h) => h.from === 'haproxy-1' && h.direction === 'request' && h.result !== 'ok');
    expect(attempts).toHaveLength(4);
    expect(t.outcome).toMatchObject({ status: 503, origin: 'haproxy-1' });
    expect(t.outcome.body).toContain('No server is available to handle this request.');
  });

  it('with a plain TCP check, a dead app behind a live Nginx keeps getting half the requests (502)', () => {
    const statuses = traces({ design: '1', fail: ['app-1'] }, 'GET /', 4).map((t) => t.outcome.status);
    expect(statuses.filter((s) => s === 502)).toHaveLength(2);
  });

  it('lets a probe from the internet reach MySQL (no firewall)', () => {
    expect(trace({ design: '1' }, 'TCP 8.8.8.11:3306').outcome.servedBy).toBe('mysql-1');
  });

  it('loses writes with the primary (ERROR 2003) until mysql-2 is promoted by hand', () => {
    const { state } = prepared({ design: '1', fail: ['mysql-1'] });
    const before = step(state, { type: 'send', request: parseRequest('POST /signup') });
    expect(before.trace?.outcome.status).toBe(500);
    expect(before.events.map((e) => e.text).join('\n')).toContain('ERROR 2003 (HY000)');
    const promoted = step(state, { type: 'promote', id: 'mysql-2' });
    expect(promoted.events.map((e) => e.text).join('\n')).toContain('RESET REPLICA ALL');
    expect(step(promoted.state, { type: 'send', request: parseRequest('POST /signup') }).trace?.outcome.status).toBe(200);
  });

  it('rejects a write sent to a read-only replica with ERROR 1290', () => {
    const base = loadBuiltin('1');
    const components = base.components.map((c) =>
      c.kind === 'app-server' ? { ...c, database: { writes: 'mysql-2', reads: ['mysql-2'] } } : c,
    );
    const sim = createSim({ ...base, components });
    const r = step(sim, { type: 'send', request: parseRequest('POST /signup') });
    expect(r.trace?.outcome.status).toBe(500);
    expect(r.events.map((e) => e.text)).toContain(
      'ERROR 1290 (HY000): The MySQL server is running with the --super-read-only option so it cannot execute this statement',
    );
  });
});

describe('design 2 (firewalls, HTTPS)', () => {
  it('encrypts browser to haproxy-1 and leaves haproxy-1 to nginx in plain text', () => {
    const t = trace({ design: '2' });
    const first = t.hops.find((h) => h.from === 'browser' && h.to === 'haproxy-1');
    const inner = t.hops.find((h) => h.from === 'haproxy-1' && h.to.startsWith('nginx-'));
    expect(first?.encrypted).toBe(true);
    expect(first?.port).toBe(443);
    expect(inner?.encrypted).toBe(false);
  });

  it('drops a probe to a server MySQL port at the firewall (a time-out, not a refusal)', () => {
    const t = trace({ design: '2' }, 'TCP 8.8.8.11:3306');
    expect(t.hops[0]).toMatchObject({ to: 'fw-2', result: 'dropped' });
    expect(t.outcome.error).toContain('ERR_CONNECTION_TIMED_OUT');
  });

  it('takes a dead app out of rotation with the HTTP check (L7STS), so no 502 once settled', () => {
    const statuses = traces({ design: '2', fail: ['app-1'] }, 'GET /', 4).map((t) => t.outcome.status);
    expect(statuses).toEqual([200, 200, 200, 200]);
  });

  it("logs the status the HTTP check got, as HAProxy does: code 502, info \"Bad Gateway\"", () => {
    const down = settle(step(createSim(loadBuiltin('2')), { type: 'fail', id: 'app-1' }).state).events.map((e) => e.text);
    expect(down).toContainEqual(expect.stringContaining('is DOWN, reason: Layer7 wrong status, code: 502, info: "Bad Gateway", check duration'));
  });
});

describe('design 3 (VIP pair)', () => {
  it('refuses connections while keepalived has not yet seen haproxy-1 stop, then serves through haproxy-2', () => {
    // Track script: fall 2 runs 1 s apart → FAULT within 2 s; the backup waits its skew (156/256 s) → 2.609 s.
    expect(trace({ design: '3', fail: ['haproxy-1'], after: 1000 }).outcome.error).toContain('ERR_CONNECTION_REFUSED');
    expect(trace({ design: '3', fail: ['haproxy-1'], after: 2500 }).outcome.error).toContain('ERR_CONNECTION_REFUSED');
    const moved = trace({ design: '3', fail: ['haproxy-1'], after: 2700 });
    expect(moved.outcome.status).toBe(200);
    expect(moved.hops.some((h) => h.from === 'haproxy-2')).toBe(true);
    expect(trace({ design: '3', fail: ['haproxy-1'] }).outcome.status).toBe(200);
  });

  it('moves the VIP 3 adverts + skew (3.609 s at priority 100) after lb-1 dies; a request in the gap is served late', () => {
    const gap = trace({ design: '3', fail: ['lb-1'], after: 3500 });
    expect(gap.outcome).toMatchObject({ status: 200, servedBy: 'nginx-1' });
    expect(gap.hops.some((h) => h.from === 'haproxy-2')).toBe(true);
    // SYN at 3.5 s is lost, the Linux retransmission 1 s later (4.5 s > 3.609 s) reaches haproxy-2.
    expect(gap.duration).toBeGreaterThanOrEqual(1000);
    expect(gap.duration).toBeLessThan(1300);
    expect(trace({ design: '3', fail: ['lb-1'], after: 3610 }).duration).toBeLessThan(300);
  });
});

describe('design 4 (high availability)', () => {
  it('promotes the replica automatically: writes fail during the detection delay, then work', () => {
    expect(trace({ design: '4', fail: ['mysql-1'], after: 1000 }, 'POST /signup').outcome.status).toBe(500);
    expect(trace({ design: '4', fail: ['mysql-1'] }, 'POST /signup').outcome.status).toBe(200);
  });

  it('redispatches the last retry to the other web server', () => {
    const t = trace({ design: '4', fail: ['web-1'], after: 500 });
    expect(t.outcome).toMatchObject({ status: 200, servedBy: 'nginx-2' });
  });
});
