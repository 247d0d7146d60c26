import { describe, expect, it } from 'vitest';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import type { WebServer } from '../../source/model/types.js';
import { createSim, healthView, isDown, isHung, settle, step } from '../../source/sim/engine.js';
import { openExchange } from '../../source/sim/exchange.js';
import { handlers } from '../../source/sim/handlers.js';
import { NGINX_PREMATURE_CLOSE_LOG, gunicornWorkerTimeout } from '../../source/sim/messages.js';
import { GUNICORN_TIMEOUT, HAPROXY_TIMEOUT_SERVER } from '../../source/sim/timings.js';
import { parseRequest } from '../../source/grammar/request.js';
import { topologyIndex } from '../../source/sim/topology-index.js';
import { handleWeb } from '../../source/sim/web-server.js';
import type { SimState, Trace } from '../../source/sim/types.js';

/** The design with `id` hung, once settled. */
function hung(design: string, id: string): SimState {
  return settle(step(createSim(loadBuiltin(design)), { type: 'hang', id }).state).state;
}

function send(s: SimState, request = 'GET /', n = 1): { traces: Trace[]; logs: string[] } {
  let state = s;
  const traces: Trace[] = [];
  const logs: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = step(state, { type: 'send', request: parseRequest(request) });
    state = r.state;
    if (r.trace) traces.push(r.trace);
    logs.push(...r.events.map((e) => e.text));
  }
  return { traces, logs };
}

describe('a hung app server or database (up, accepting connections, never answering)', () => {
  it('is up but hung, until healed', () => {
    const s = hung('0', 'app-1');
    expect([isDown(s, 'app-1'), isHung(s, 'app-1')]).toEqual([false, true]);
    const healed = step(s, { type: 'heal', id: 'app-1' });
    expect(healed.events.map((e) => e.text)).toEqual(['app-1 is restarted and answers again']);
    expect(isHung(healed.state, 'app-1')).toBe(false);
    // Killing a hung process and starting it again also ends the hang.
    const restarted = step(step(s, { type: 'fail', id: 'app-1' }).state, { type: 'heal', id: 'app-1' }).state;
    expect(isHung(restarted, 'app-1')).toBe(false);
    expect(step(s, { type: 'heal-all' }).state.hung).toEqual([]);
  });

  it('design 0: Gunicorn kills the silent worker at --timeout 30 s and Nginx answers 502, before its own 60 s', () => {
    const { traces, logs } = send(hung('0', 'app-1'));
    const t = traces[0];
    expect(t?.outcome).toMatchObject({ status: 502, reason: 'Bad Gateway', origin: 'nginx-1' });
    expect(t?.duration).toBeGreaterThan(GUNICORN_TIMEOUT);
    expect(t?.duration).toBeLessThan(GUNICORN_TIMEOUT + 1_000);
    expect(t?.hops).toContainEqual(expect.objectContaining({ from: 'app-1', to: 'nginx-1', direction: 'response', result: 'failed' }));
    // Nginx and the app share the machine: nginx.conf names the app by loopback, and so does its log.
    expect(logs).toEqual([gunicornWorkerTimeout(4_231), `${NGINX_PREMATURE_CLOSE_LOG}, upstream: "http://127.0.0.1:8000/"`]);
  });

  it('a hung database holds the worker until Gunicorn kills it (502), while static files still work', () => {
    const s = hung('0', 'mysql-1');
    const t = send(s).traces[0];
    expect(t?.outcome).toMatchObject({ status: 502, origin: 'nginx-1' });
    expect(t?.duration).toBeLessThan(GUNICORN_TIMEOUT + 1_000);
    expect(t?.hops.find((h) => h.result === 'failed')?.note).toContain('app-1 waits on mysql-1, whose queries never return');
    expect(send(s, 'GET /static/logo.png').traces[0]?.outcome.status).toBe(200);
  });

  it('an app server that HAProxy reaches directly: the closed connection is a 502 with flags SH', () => {
    const t = loadBuiltin('1');
    const direct = { ...t, components: t.components.map((c) => (c.kind === 'load-balancer' ? { ...c, backends: ['app-1', 'app-2'] } : c)) };
    const s = settle(step(createSim(direct), { type: 'hang', id: 'app-1' }).state).state;
    const { traces, logs } = send(s, 'GET /', 2);
    expect(traces.map((x) => x.outcome.status).sort()).toEqual([200, 502]);
    expect(logs).toContain('app-1 closed the connection before any header: 502, termination flags SH');
  });

  it('design 1 (TCP check): the check passes (L4OK); the hung half get 502 after 30 s, before HAProxy\'s timeout server', () => {
    const s = hung('1', 'app-1');
    expect(healthView(s, 'haproxy-1').find((r) => r.backend === 'nginx-1')).toMatchObject({ up: true, last: 'L4OK' });
    const { traces } = send(s, 'GET /', 2);
    expect(traces.map((t) => t.outcome.status)).toEqual([502, 200]);
    expect(traces[0]?.outcome).toMatchObject({ origin: 'nginx-1' });
    expect(traces[0]?.duration).toBeGreaterThan(GUNICORN_TIMEOUT);
    expect(traces[0]?.duration).toBeLessThan(HAPROXY_TIMEOUT_SERVER);
  });

  it('design 2 (HTTP check): the check times out (L7TOUT), the server is taken out, users see no error', () => {
    const s = hung('2', 'app-1');
    expect(healthView(s, 'haproxy-1').find((r) => r.backend === 'nginx-1')).toMatchObject({ up: false, last: 'L7TOUT' });
    expect(send(s, 'GET /', 4).traces.map((t) => t.outcome.status)).toEqual([200, 200, 200, 200]);
  });

  it('design 4: worse than a dead app: the check passes through the other upstream, half the GETs wait 30 s', () => {
    const s = hung('4', 'app-1');
    expect(healthView(s, 'haproxy-1').every((r) => r.up)).toBe(true);
    const traces = send(s, 'GET /', 4).traces;
    // Nginx passes a GET on after the closed connection: served by app-2, but 30 s late.
    expect(traces.map((t) => t.outcome.status)).toEqual([200, 200, 200, 200]);
    expect(traces.filter((t) => t.duration > GUNICORN_TIMEOUT)).toHaveLength(2);
    // A dead app-1 costs nothing once settled: Nginx moves on to app-2 at once.
    const dead = settle(step(createSim(loadBuiltin('4')), { type: 'fail', id: 'app-1' }).state).state;
    expect(send(dead, 'GET /', 4).traces.every((t) => t.outcome.status === 200 && t.duration < 1_000)).toBe(true);
  });

  it('Nginx passes a GET to the next upstream after the connection closed, never a POST', () => {
    const s = step(createSim(loadBuiltin('4')), { type: 'hang', id: 'app-1' }).state;
    const web = topologyIndex(s.topology).component('nginx-1') as WebServer;
    const get = handleWeb(openExchange(s, handlers, true), web, { method: 'GET', path: '/' }, 0);
    expect(get).toMatchObject({ status: 200, origin: 'app-2' });
    expect(get.at).toBeGreaterThan(GUNICORN_TIMEOUT);
    const post = handleWeb(openExchange(s, handlers, true), web, { method: 'POST', path: '/signup' }, 0);
    expect(post).toMatchObject({ status: 502, origin: 'nginx-1' });
  });

  it('only an app server or a database can hang; a down one cannot', () => {
    const s = createSim(loadBuiltin('1'));
    expect(() => step(s, { type: 'hang', id: 'nginx-1' })).toThrow('nginx-1 cannot hang');
    const down = step(s, { type: 'fail', id: 'server-1' }).state;
    const r = step(down, { type: 'hang', id: 'app-1' });
    expect(r.state).toBe(down);
    expect(r.events[0]?.text).toBe('app-1 is down, so it cannot hang');
  });
});
