/**
 * The differential suite: real HAProxy 2.6 and Nginx on loopback, run from the configuration
 * `infra-tui config` generates, against what the simulation predicts for the same scenario.
 * Every time HAProxy counts is scaled by one factor (SCALE) in both, so a 50 s time-out takes
 * 2.5 s. Compared: status codes, bodies (Nginx's version string aside), HAProxy's termination
 * flags and chosen server, the time HAProxy takes, and how long it takes to mark a server DOWN.
 * Timing tolerance: a check interval plus 150 ms for detections (the checks' phase is random in
 * HAProxy), and 250 ms or 15 % for requests (process start-up and scheduling on a shared machine;
 * the differences tested are 0 vs 750 ms of retries and 0 vs 2.5 s of time-out).
 */
import { afterEach, describe, expect } from 'vitest';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import type { Topology } from '../../source/model/types.js';
import { APP_500_BODY } from '../../source/sim/messages.js';
import { detection, predict, prepare, type Prediction } from './predict.js';
import { startStack, sleep, waitFor, type Stack } from './real-stack.js';
import { scaleTopology } from './scale.js';
import { requiresTool, toolTestMode, type Tool } from '../requires-tool.js';

const SCALE = 0.05;
const design = scaleTopology(loadBuiltin('1'), SCALE);
const inter = 2000 * SCALE;
const serverTimeout = 50_000 * SCALE;
const withRedispatch: Topology = { ...design, components: design.components.map((c) => (c.kind === 'load-balancer' ? { ...c, redispatch: true } : c)) };

const tools: readonly Tool[] = [
  { command: 'haproxy', versionArgs: ['-v'], install: 'apt-get install haproxy' },
  { command: 'nginx', versionArgs: ['-v'], install: 'apt-get install nginx' },
];
const real = requiresTool(tools.find((t) => toolTestMode(t) !== 'run') ?? (tools[0] as Tool));

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.stop();
  stack = undefined;
});

/** The request lines HAProxy logged since `from` (index into the log): [server, status, flags]. */
function logged(s: Stack, from = 0): { server: string; status: number; flags: string }[] {
  return s.haproxyLog
    .slice(from)
    .map((l) => / \S+\/(\S+) -?\d+\/-?\d+\/-?\d+\/-?\d+\/-?\d+ (\d{3}) \d+ \S+ \S+ (\S{4}) /.exec(l.text))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ server: m[1] as string, status: Number(m[2]), flags: (m[3] as string).slice(0, 2) }));
}

/** When HAProxy logged `Server web/<server> is DOWN|UP` (performance.now()), or undefined. */
function reported(s: Stack, server: string, up: boolean): number | undefined {
  return s.haproxyLog.find((l) => l.text.includes(`Server web/${server} is ${up ? 'UP' : 'DOWN'}`))?.at;
}

/**
 * Nginx's version differs between the real one and the simulated one, and Nginx ends the lines
 * of its own error pages with CRLF (ngx_http_special_response.c) where the simulation shows
 * plain lines; everything else must match byte for byte.
 */
const sameVersion = (body: string | null) => body?.replace(/nginx\/[\d.]+/g, 'nginx/x').replace(/\r\n/g, '\n') ?? null;

/** Sends one request to the real stack and checks it against the prediction. */
async function compare(s: Stack, request: string, expected: Prediction): Promise<void> {
  const [method = 'GET', path = '/'] = request.split(' ');
  const before = s.haproxyLog.length;
  const got = await s.send(method, path);
  expect(got.status, `${request}: status`).toBe(expected.status);
  expect(sameVersion(got.body), `${request}: body`).toBe(sameVersion(expected.body));
  await waitFor(() => logged(s, before).length > 0, 2_000, 'HAProxy logged nothing');
  const [line] = logged(s, before);
  expect(line?.flags, `${request}: termination flags`).toBe(expected.flags);
  if (expected.server) expect(line?.server, `${request}: server`).toBe(expected.server);
  expect(Math.abs(got.ms - expected.lbMs), `${request}: took ${Math.round(got.ms)} ms, predicted ${expected.lbMs} ms`).toBeLessThanOrEqual(Math.max(250, expected.lbMs * 0.15));
}

/** HAProxy's detection of a failure, real vs simulated, from the moment of the failure. */
function expectDetection(realMs: number | undefined, simulatedMs: number): void {
  expect(realMs, 'HAProxy never reported the change').toBeDefined();
  expect(Math.abs((realMs ?? 0) - simulatedMs), `real ${Math.round(realMs ?? 0)} ms, simulated ${simulatedMs} ms`).toBeLessThanOrEqual(inter + 150);
}

describe(`real HAProxy and Nginx vs the simulation (design 1, times × ${SCALE})`, () => {
  real('all up: round robin alternates nginx-1 and nginx-2, each page built by its app', async () => {
    stack = await startStack(design);
    let state = prepare(design, [], true);
    for (let i = 0; i < 4; i++) {
      const p = predict(state, 'GET /');
      await compare(stack, 'GET /', p.prediction);
      state = p.state;
    }
  }, 30_000);

  real('a web server process stopped: refused, 3 retries on it a turn-around apart, 503 SC; then marked DOWN', async () => {
    stack = await startStack(design);
    await sleep(3 * inter);
    await stack.kill('nginx-1');
    const killed = performance.now();
    const state = prepare(design, [{ type: 'fail', id: 'nginx-1' }], false);
    await compare(stack, 'GET /', predict(state, 'GET /').prediction);
    const down = reported(stack, 'nginx-1', false);
    expectDetection(down === undefined ? undefined : down - killed, detection(state, 'nginx-1', false));
  }, 30_000);

  real('with option redispatch, roundrobin and two servers UP: the first retry goes to the other server at once', async () => {
    stack = await startStack(withRedispatch);
    await sleep(3 * inter);
    await stack.kill('nginx-1');
    const state = prepare(withRedispatch, [{ type: 'fail', id: 'nginx-1' }], false);
    const p = predict(state, 'GET /').prediction;
    expect(p.status).toBe(200);
    expect(p.lbMs).toBeLessThan(50);
    await compare(stack, 'GET /', p);
  }, 30_000);

  real('an app server frozen (SIGSTOP: it accepts, never answers): HAProxy gives up at timeout server, 504 sH', async () => {
    stack = await startStack(design);
    await sleep(3 * inter);
    stack.process('app-1').kill('SIGSTOP');
    const state = prepare(design, [{ type: 'hang', id: 'app-1' }], false);
    const p = predict(state, 'GET /').prediction;
    expect(p).toMatchObject({ status: 504, flags: 'sH' });
    expect(p.lbMs).toBeGreaterThanOrEqual(serverTimeout);
    await compare(stack, 'GET /', p);
  }, 30_000);

  real('a slow app server, answering after twice timeout server: 504 sH, as for a hung one', async () => {
    stack = await startStack(design, { apps: { 'app-1': { kind: 'slow', ms: 2 * serverTimeout } } });
    await sleep(3 * inter);
    const state = prepare(design, [{ type: 'hang', id: 'app-1' }], false);
    await compare(stack, 'GET /', predict(state, 'GET /').prediction);
  }, 30_000);

  real("an app server answering 500: Nginx and HAProxy pass the app's error page through", async () => {
    stack = await startStack(design, { apps: { 'app-1': { kind: 'error', body: APP_500_BODY } } });
    await sleep(3 * inter);
    // In the simulation the app fails because both its databases are down: the same page.
    const state = prepare(design, [{ type: 'fail', id: 'mysql-1' }, { type: 'fail', id: 'mysql-2' }], false);
    await compare(stack, 'GET /', predict(state, 'GET /').prediction);
  }, 30_000);

  real("an app server process stopped: Nginx's 502 page through HAProxy (a valid answer, no error flags)", async () => {
    stack = await startStack(design);
    await sleep(3 * inter);
    await stack.kill('app-1');
    const state = prepare(design, [{ type: 'fail', id: 'app-1' }], false);
    const p = predict(state, 'GET /').prediction;
    expect(p.status).toBe(502);
    await compare(stack, 'GET /', p);
  }, 30_000);

  real('every web server down: both marked DOWN, then 503 from HAProxy with <NOSRV>', async () => {
    stack = await startStack(design);
    await sleep(3 * inter);
    await stack.kill('nginx-1');
    await stack.kill('nginx-2');
    const s = stack;
    await waitFor(() => reported(s, 'nginx-1', false) !== undefined && reported(s, 'nginx-2', false) !== undefined, 10 * inter, 'HAProxy did not mark both DOWN');
    const state = prepare(design, [{ type: 'fail', id: 'nginx-1' }, { type: 'fail', id: 'nginx-2' }], true);
    const p = predict(state, 'GET /').prediction;
    expect(p).toMatchObject({ status: 503, server: '<NOSRV>', flags: 'SC' });
    await compare(stack, 'GET /', p);
  }, 30_000);

  real('static files with every app server stopped: Nginx still serves them from disk', async () => {
    const state = prepare(design, [{ type: 'fail', id: 'app-1' }, { type: 'fail', id: 'app-2' }], false);
    const p = predict(state, 'GET /static/logo.png').prediction;
    stack = await startStack(design, { statics: { '/static/logo.png': p.body ?? '' } });
    await sleep(3 * inter);
    await stack.kill('app-1');
    await stack.kill('app-2');
    expect(p.status).toBe(200);
    await compare(stack, 'GET /static/logo.png', p);
  }, 30_000);

  real('a web server back: marked UP again after rise good checks', async () => {
    stack = await startStack(design);
    await sleep(3 * inter);
    await stack.kill('nginx-1');
    const s = stack;
    await waitFor(() => reported(s, 'nginx-1', false) !== undefined, 10 * inter, 'HAProxy did not mark nginx-1 DOWN');
    await s.restart('nginx-1');
    const back = performance.now();
    await waitFor(() => reported(s, 'nginx-1', true) !== undefined, 20 * inter, 'HAProxy did not mark nginx-1 UP');
    const healed = prepare(design, [{ type: 'fail', id: 'nginx-1' }, { type: 'advance', ms: 5 * inter }, { type: 'heal', id: 'nginx-1' }], false);
    expectDetection((reported(s, 'nginx-1', true) ?? 0) - back, detection(healed, 'nginx-1', true));
  }, 30_000);
});
