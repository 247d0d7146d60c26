import { kindSpecs } from '../../model/kinds.js';
import { type DeployRun, formatMix, healthView, isDown, isFailure, outcomeHead, roundTally, type SecondBucket, succeeded, type TrafficState } from '../../sim/index.js';
import { formatDuration } from '../../grammar/duration.js';
import type { TrafficMode } from '../state/app-state.js';
import type { Symbols, Tone } from '../theme.js';
import { line, seg, type Line } from './line.js';
import { compactNumber, percent, sparkline } from './sparkline.js';

const LABEL = 8;

/** The panel's title: the load offered and the clock. */
export function trafficTitle(mode: TrafficMode): string {
  const { qps, mix } = mode.state.options;
  return `Traffic · ${qps} QPS offered · mix ${formatMix(mix)} · ${mode.speed === 0 ? 'PAUSED' : `${mode.speed}×`}`;
}

const keyTone = (key: string): Tone => (!isFailure(key) ? 'ok' : /^4/.test(key) ? 'warn' : 'error');

/** Outcomes of one second, per status, worst last: `200 98/s  503 2/s`. */
function perStatus(bucket: SecondBucket | undefined): Line {
  if (!bucket || bucket.sent <= 0) return line(seg('nothing sent in the last second', 'muted'));
  const entries = Object.entries(bucket.byOutcome).filter(([, n]) => n >= 0.5);
  const parts = entries.sort(([a], [b]) => Number(isFailure(a)) - Number(isFailure(b)) || a.localeCompare(b)).flatMap(([k, n]) => [seg(`${k} `, keyTone(k)), seg(`${compactNumber(n)}/s  `)]);
  const mean = Math.round(bucket.latencySum / bucket.sent);
  return line(...parts, seg(`${percent(bucket.failed / bucket.sent)} failed · mean ${mean} ms`, bucket.failed > 0 ? 'error' : 'muted'));
}

function sparkRow(label: string, values: readonly number[], last: string, width: number, ascii: boolean, tone?: Tone): Line {
  const room = Math.max(4, width - LABEL - last.length - 2);
  return line(seg(label.padEnd(LABEL), 'muted'), seg(sparkline(values, room, ascii), tone), seg(` ${last}`));
}

/** The last minute as sparklines: QPS answered, failures, mean latency (complete seconds only). */
function sparkRows(ts: TrafficState, width: number, ascii: boolean): Line[] {
  const done = ts.window.slice(0, -1);
  const last = done[done.length - 1];
  const mean = (b: SecondBucket) => (b.sent > 0 ? b.latencySum / b.sent : 0);
  return [
    sparkRow('QPS', done.map((b) => b.sent), `${compactNumber(last?.sent ?? 0)}/s`, width, ascii),
    sparkRow('errors', done.map((b) => b.failed), `${compactNumber(last?.failed ?? 0)}/s`, width, ascii, 'error'),
    sparkRow('latency', done.map(mean), `${Math.round(last ? mean(last) : 0)} ms`, width, ascii, 'warn'),
  ];
}

/**
 * Each load balancer's belief about its servers and when it checks each next: the detection
 * window, live. A load balancer that is down checks nothing, so it shows no belief.
 */
function healthRows(ts: TrafficState, symbols: Symbols): Line[] {
  return ts.sim.topology.components.filter((c) => kindSpecs[c.kind].panels.includes('checks')).map((lb) => {
    if (isDown(ts.sim, lb.id)) return line(seg(`${lb.id} checks: `, 'muted'), seg(`${symbols.down}nothing: it is down`, 'error'));
    const rows = healthView(ts.sim, lb.id).flatMap((r, i) => {
      const belief = r.up ? seg(`${symbols.up}UP`, r.reallyUp ? 'ok' : 'warn') : seg(`${symbols.believedDown}DOWN`, 'error');
      const failing = r.last !== null && r.last !== 'L4OK' && r.last !== 'L7OK' && r.last !== 'MAINT';
      const why = r.last === 'MAINT' ? ' MAINT' : failing || r.count > 0 ? ` ${r.last ?? ''}${r.count > 0 ? ` ${r.count}/${r.of}` : ''}` : '';
      const next = r.last === 'MAINT' ? '' : ` in ${(r.nextCheckIn / 1000).toFixed(1)}s`;
      return [seg(`${i > 0 ? ' · ' : ''}${r.backend} `, 'title'), belief, seg(`${why}${next}`, 'muted')];
    });
    return line(seg(`${lb.id} checks: `, 'muted'), ...rows);
  });
}

const phaseWords: Readonly<Record<DeployRun['phase'], (group: string) => string>> = {
  drain: (g) => `draining ${g} from the load balancer`,
  restart: (g) => `stopping ${g}`,
  rejoin: (g) => `${g} restarting with the new code`,
  settle: (g) => `waiting for ${g} to pass its health checks`,
};

function deployRows(ts: TrafficState): Line[] {
  const rows: Line[] = [];
  const run = ts.deploy;
  if (run) {
    const failed = Math.round(ts.totals.failed - run.failedAtStart);
    const more = run.queue.length > 1 ? `, then ${run.queue.length - 1} more` : '';
    const doing = phaseWords[run.phase](run.queue[0]?.join(', ') ?? '');
    rows.push(line(seg('deploy'.padEnd(LABEL), 'muted'), seg(`${run.strategy}: ${doing}${more} · `, 'key'), seg(`${failed} failed so far`, failed > 0 ? 'error' : 'ok')));
  }
  const done = ts.deploys.slice(-4);
  if (done.length > 0) {
    const parts = done.map((d) => seg(`${d.strategy} ${d.failed} failed${d.duration === null ? '' : ` in ${formatDuration(d.duration)}`}  `, d.failed > 0 ? 'error' : 'ok'));
    rows.push(line(seg('deploys'.padEnd(LABEL), 'muted'), ...parts));
  }
  return rows;
}

/** The traffic panel: what users get now, the last minute, the LBs' checks, deploys, what was detected. */
export function trafficLines(mode: TrafficMode, width: number, symbols: Symbols, ascii: boolean): Line[] {
  const ts = mode.state;
  const t = roundTally(ts.totals);
  const lines: Line[] = [line(seg('now'.padEnd(LABEL), 'muted'), ...perStatus(ts.window[ts.window.length - 2]))];
  lines.push(...sparkRows(ts, width, ascii), ...healthRows(ts, symbols), ...deployRows(ts));
  const bottleneck = ts.current.bottleneck;
  const load = bottleneck ? ts.current.components[bottleneck] : undefined;
  if (bottleneck && load) lines.push(line(seg('bottleneck ', 'muted'), seg(bottleneck, 'title'), seg(` at ${percent(load.utilization)} of its ${load.capacity}/s`, load.utilization >= 1 ? 'error' : 'muted')));
  for (const d of ts.detections.slice(-3)) lines.push(line(seg('noticed'.padEnd(LABEL), 'muted'), seg(d.text, 'warn')));
  const sent = mode.sent;
  if (sent) {
    const o = sent.trace.outcome;
    const from = o.servedBy && o.status !== null ? ` from ${o.servedBy}` : '';
    lines.push(line(seg('you sent'.padEnd(LABEL), 'muted'), seg(`${sent.trace.request} ${symbols.arrow} ${outcomeHead(o)}${from}`, succeeded(o) ? 'ok' : 'error')));
  }
  const share = t.sent > 0 ? ` (${percent(t.failed / t.sent)})` : '';
  lines.push(line(seg('total'.padEnd(LABEL), 'muted'), seg(`${t.sent} sent · ${t.ok} ok · ${t.failed} failed${share}`)));
  return lines;
}
