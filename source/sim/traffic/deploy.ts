/**
 * Deploying new code: restarting the app servers the way the design allows (DESIGN §6).
 * - No load balancer: every app server restarts at once; requests fail while they are down.
 * - A load balancer with another path: one app server at a time, the LB servers that lead only
 *   to it put in maintenance first (the engine's `maintenance` input), then restarted, then set
 *   ready again and awaited until their first health check has passed, before the next one.
 *   Where Nginx has another upstream to retry on, nothing needs draining, but the next restart
 *   waits for Nginx's `fail_timeout` to expire.
 * - Only one path: restarted in place, one at a time, and the restart is downtime.
 */
import type { AppServer, LoadBalancer, Topology, WebServer } from '../../model/types.js';
import { isDown, step } from '../engine.js';
import { HAPROXY_BACKEND } from '../messages.js';
import { NGINX_FAIL_TIMEOUT } from '../timings.js';
import type { SimState } from '../types.js';
import type { LineDraft } from './access-log.js';
import { eventDraft } from './log-buffer.js';
import { APP_RESTART_MS, DRAIN_WAIT_MS } from './timings.js';
import type { DeployRecord, DeployRun } from './types.js';

type Drain = { readonly lb: string; readonly server: string };

const ofKind = <T>(topology: Topology, kind: string) => topology.components.filter((c) => c.kind === kind) as unknown as T[];

/** The LB servers whose only way on is `app` (the app itself, or an Nginx proxying to it alone). */
function drainsFor(topology: Topology, app: string): Drain[] {
  const webs = new Map(ofKind<WebServer>(topology, 'web-server').map((w) => [w.id, w]));
  const out: Drain[] = [];
  for (const lb of ofKind<LoadBalancer>(topology, 'load-balancer')) {
    for (const b of lb.backends) {
      const web = webs.get(b);
      if (b === app || (web && web.upstream.length > 0 && web.upstream.every((u) => u === app))) out.push({ lb: lb.id, server: b });
    }
  }
  return out;
}

/** Whether every LB keeps a server it believes UP once `drains` are out. */
function canDrain(sim: SimState, drains: readonly Drain[]): boolean {
  return drains.every(({ lb }) => {
    const health = sim.lbs[lb]?.health ?? {};
    return Object.entries(health).some(([server, h]) => h.up && !drains.some((d) => d.lb === lb && d.server === server));
  });
}

/** Whether every Nginx in front of `app` has another upstream to retry on. */
function coveredByRetry(topology: Topology, app: string): boolean {
  const fronts = ofKind<WebServer>(topology, 'web-server').filter((w) => w.upstream.includes(app));
  return fronts.length > 0 && fronts.every((w) => w.upstream.some((u) => u !== app));
}

/** How a deploy of `sim`'s design goes, decided up front. */
export function planDeploy(sim: SimState): { strategy: DeployRecord['strategy']; queue: string[][] } {
  const apps = ofKind<AppServer>(sim.topology, 'app-server').map((a) => a.id);
  if (!sim.topology.components.some((c) => c.kind === 'load-balancer')) return { strategy: 'all-at-once', queue: [apps] };
  const safe = apps.every((a) => {
    const drains = drainsFor(sim.topology, a);
    return drains.length > 0 ? canDrain(sim, drains) : coveredByRetry(sim.topology, a);
  });
  return { strategy: safe ? 'rolling' : 'in-place', queue: apps.map((a) => [a]) };
}

/** Starts a deploy at `sim.now`. */
export function startDeploy(sim: SimState, failedSoFar: number): DeployRun {
  const { strategy, queue } = planDeploy(sim);
  return { startedAt: sim.now, strategy, queue, phase: 'drain', until: sim.now, drained: [], stopped: [], failedAtStart: failedSoFar };
}

export interface DeployProgress {
  readonly sim: SimState;
  readonly run: DeployRun | null;
  readonly lines: LineDraft[];
}

const line = (source: string, text: string, level: LineDraft['level'] = 'info'): LineDraft => ({ source, stream: 'deploy', level, template: text, count: 1 });

/** The runtime API command that sets a server's state, as an operator types it. */
function adminCommand(d: Drain, state: 'maint' | 'ready', why: string): LineDraft {
  return line(d.lb, `echo "set server ${HAPROXY_BACKEND}/${d.server} state ${state}" | socat stdio /run/haproxy/admin.sock  (${why})`);
}

/** Sets maintenance on or off for `drains`, in order; returns the state and the lines (command, then HAProxy's log). */
function setMaintenance(sim: SimState, drains: readonly Drain[], on: boolean): { sim: SimState; lines: LineDraft[] } {
  let s = sim;
  const lines = drains.flatMap((d) => {
    const r = step(s, { type: 'maintenance', lb: d.lb, server: d.server, on });
    s = r.state;
    const why = on ? `${d.server} gets no new requests` : `${d.server} is UP at once and checked right away`;
    return [adminCommand(d, on ? 'maint' : 'ready', why), ...r.events.map(eventDraft)];
  });
  return { sim: s, lines };
}

function drainPhase(sim: SimState, run: DeployRun, group: readonly string[]): DeployProgress {
  const drains = run.strategy === 'rolling' ? group.flatMap((a) => drainsFor(sim.topology, a)) : [];
  const { sim: s, lines } = setMaintenance(sim, drains, true);
  return { sim: s, run: { ...run, phase: 'restart', drained: drains, until: s.now + (drains.length > 0 ? DRAIN_WAIT_MS : 0) }, lines };
}

function restartPhase(sim: SimState, run: DeployRun, group: readonly string[]): DeployProgress {
  let s = sim;
  const stopped: string[] = [];
  const lines: LineDraft[] = [];
  for (const app of group) {
    if (isDown(s, app)) continue;
    s = step(s, { type: 'fail', id: app }).state;
    stopped.push(app);
    lines.push(line(app, `systemd[1]: Stopping gunicorn.service (new code: restart ${app}, about ${APP_RESTART_MS / 1000} s)`, 'warn'));
  }
  return { sim: s, run: { ...run, phase: 'rejoin', stopped, until: s.now + APP_RESTART_MS }, lines };
}

function rejoinPhase(sim: SimState, run: DeployRun): DeployProgress {
  let s = sim;
  const lines: LineDraft[] = [];
  for (const app of run.stopped) {
    s = step(s, { type: 'heal', id: app }).state;
    lines.push(line(app, `systemd[1]: Started gunicorn.service; gunicorn: Listening at: http://0.0.0.0:8000 (new code)`));
  }
  const ready = setMaintenance(s, run.drained, false);
  const wait = run.drained.length === 0 && run.strategy === 'rolling' ? NGINX_FAIL_TIMEOUT : 0;
  return { sim: ready.sim, run: { ...run, phase: 'settle', stopped: [], until: ready.sim.now + wait }, lines: [...lines, ...ready.lines] };
}

/**
 * Whether the servers of the group are back in every LB's rotation and have passed the check
 * HAProxy runs as they leave maintenance (until then one failed check would take them out again).
 */
function rejoined(sim: SimState, run: DeployRun): boolean {
  return run.drained.every((d) => {
    const h = sim.lbs[d.lb]?.health[d.server];
    return h === undefined || (h.up && h.count === 0);
  });
}

/**
 * Moves a deploy on at `sim.now`, at most one phase per call. Returns a null run and the
 * finished record once the last group is back.
 */
export function advanceDeploy(sim: SimState, run: DeployRun, failedSoFar: number): DeployProgress & { record?: DeployRecord } {
  if (sim.now < run.until) return { sim, run, lines: [] };
  const group = run.queue[0] ?? [];
  switch (run.phase) {
    case 'drain':
      return drainPhase(sim, run, group);
    case 'restart':
      return restartPhase(sim, run, group);
    case 'rejoin':
      return rejoinPhase(sim, run);
    case 'settle': {
      if (!rejoined(sim, run)) return { sim, run, lines: [] };
      const queue = run.queue.slice(1);
      if (queue.length > 0) return drainPhase(sim, { ...run, queue, drained: [] }, queue[0] ?? []);
      const duration = sim.now - run.startedAt;
      const record: DeployRecord = { at: run.startedAt, failed: Math.round(failedSoFar - run.failedAtStart), duration, strategy: run.strategy };
      return { sim, run: null, lines: [line('deploy', `deploy finished in ${(duration / 1000).toFixed(1)} s (${run.strategy})`)], record };
    }
  }
}
