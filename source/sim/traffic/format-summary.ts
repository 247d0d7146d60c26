/**
 * The text summary of a headless run: totals, outcomes, a compact timeline of failures per second
 * (one character per second, 60 to a row), per-component load, the bottleneck, and what the
 * system detected, deploys included.
 */
import { formatMix } from './mix.js';
import type { SimulationSummary } from './run-simulation.js';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const percent = (x: number) => `${(x * 100).toFixed(1)} %`;

/** One character per second: `·` (`.` in ASCII) for none, then eight heights up to the worst second. */
function failureTimeline(timeline: SimulationSummary['timeline'], ascii: boolean): string[] {
  const levels = ascii ? ['.', '1', '2', '3', '4', '5', '6', '7', '8'] : ['·', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
  const worst = Math.max(0, ...timeline.failed);
  const chars = timeline.failed.map((f) => (f <= 0 ? levels[0] : levels[Math.max(1, Math.ceil((f / worst) * 8))]));
  const rows: string[] = [];
  for (let i = 0; i < chars.length; i += 60) rows.push(`  ${`${i}s`.padStart(5)}  ${chars.slice(i, i + 60).join('')}`);
  return rows;
}

function table(s: SimulationSummary): string[] {
  const ids = Object.keys(s.components);
  const width = Math.max(10, ...ids.map((id) => id.length));
  const rows = ids.map((id) => {
    const c = s.components[id] ?? { requests: 0, peakUtilization: 0 };
    return `  ${id.padEnd(width)}  ${String(c.requests).padStart(9)}  ${percent(c.peakUtilization).padStart(9)}`;
  });
  return [`${'Components'.padEnd(width + 2)}  ${'requests'.padStart(9)}  ${'peak load'.padStart(9)}`, ...rows];
}

function timed(title: string, entries: readonly { at: number; text: string }[]): string[] {
  if (entries.length === 0) return [];
  return entries.map((e, i) => `${(i === 0 ? title : '').padEnd(12)}${seconds(e.at).padStart(8)}  ${e.text}`);
}

/** The summary as lines of plain text (ASCII-only when `ascii`). */
export function formatSummary(s: SimulationSummary, options: { ascii: boolean }): string {
  const dot = options.ascii ? ' - ' : ' · ';
  const outcomes = Object.entries(s.byOutcome).map(([k, v]) => `${k} x${v}`).join(dot);
  const failedShare = s.sent > 0 ? ` (${percent(s.failed / s.sent)})` : '';
  const worst = Math.max(0, ...s.timeline.failed);
  const lines = [
    `${s.topology} at ${s.qps} QPS for ${seconds(s.durationMs)} (static:read:write ${formatMix(s.mix)}, seed ${s.seed})`,
    '',
    `Requests    ${s.sent} sent${dot}${s.ok} ok${dot}${s.failed} failed${failedShare}`,
    `Outcomes    ${outcomes || 'none'}`,
    `Latency     mean ${s.latency.meanMs} ms${dot}max ${s.latency.maxMs} ms`,
    `Failures per second (one character a second; the highest is ${worst})`,
    ...failureTimeline(s.timeline, options.ascii),
    ...table(s),
    s.bottleneck ? `Bottleneck  ${s.bottleneck.id}, at ${percent(s.bottleneck.peakUtilization)} of its capacity at peak` : 'Bottleneck  none: nothing carried load',
    ...timed('Actions', s.actions.map((a) => ({ at: a.at, text: a.action }))),
    ...timed('Detected', s.detections.map((d) => ({ at: d.at, text: d.text }))),
    ...timed('Deploys', s.deploys.map((d) => ({ at: d.at, text: `${d.strategy}: ${d.failed} failed requests, ${d.duration === null ? 'still running at the end' : `took ${seconds(d.duration)}`}` }))),
  ];
  return `${lines.join('\n')}\n`;
}
