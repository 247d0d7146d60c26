import { type MonitorRow, monitorView, type TrafficState } from '../../sim/index.js';
import { formatDuration } from '../../grammar/duration.js';
import type { Symbols, Tone } from '../theme.js';
import { line, prose, seg, type Line } from './line.js';
import { percent } from './sparkline.js';
import { wrapText } from './wrap-text.js';

const statusTone: Readonly<Record<MonitorRow['status'], Tone>> = { ok: 'ok', late: 'warn', 'no data': 'error' };

/**
 * The monitoring view: one row per host with an agent (what the service received, not what is
 * true), the alerts it raised, or, for a design without agents, why there is nothing to see.
 */
export function monitorLines(ts: TrafficState, width: number, symbols: Symbols): { title: string; lines: Line[] } {
  const view = monitorView(ts);
  if (view.service === null) return { title: 'Monitoring: nothing', lines: prose(wrapText(view.reason ?? '', width - 2), ' ', 'warn') };
  const hostWidth = Math.max(4, ...view.rows.map((r) => r.host.length));
  const head = line(seg(` ${'host'.padEnd(hostWidth)}  ${'status'.padEnd(9)}${'QPS'.padStart(7)}${'errors'.padStart(8)}  last report`, 'muted'));
  const rows = view.rows.map((r) => {
    const mark = r.status === 'ok' ? symbols.up : r.status === 'late' ? symbols.believedDown : symbols.down;
    const qps = r.qps === null ? '-' : String(r.qps);
    const errors = r.errorRate === null ? '-' : percent(r.errorRate);
    const ago = r.lastReportAt === null ? 'never' : `${formatDuration(Math.max(0, ts.sim.now - r.lastReportAt))} ago`;
    return line(
      seg(` ${r.host.padEnd(hostWidth)}  `, 'title'),
      seg(`${mark} ${r.status}`.padEnd(9), statusTone[r.status]),
      seg(qps.padStart(7)),
      seg(errors.padStart(8), (r.errorRate ?? 0) > 0 ? 'error' : undefined),
      seg(`  ${ago}`, 'muted'),
    );
  });
  const alerts = ts.log.filter((l) => l.stream === 'monitoring').slice(-3).map((l) => line(seg(` ${l.text}`, l.level === 'error' ? 'error' : 'ok')));
  return { title: `Monitoring: what ${view.service} receives`, lines: [head, ...rows, ...alerts] };
}
