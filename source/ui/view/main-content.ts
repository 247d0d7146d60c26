import { succeeded } from '../../sim/index.js';
import type { DesignState } from '../state/app-state.js';
import { liveSim } from '../state/live-sim.js';
import { spofShown } from '../state/spof-work.js';
import { currentFrame } from '../state/timeline.js';
import type { Theme } from '../theme.js';
import { branchLines } from './branch-lines.js';
import { eventLines } from './event-lines.js';
import { formatClock } from './format-clock.js';
import { prose, type Line } from './line.js';
import { logLines } from './log-lines.js';
import { spofLines, tourLines, tourTitle } from './mode-lines.js';
import { monitorLines } from './monitor-lines.js';
import { failedHopLine, traceLines, traceTitle } from './trace-lines.js';
import { trafficLines, trafficTitle } from './traffic-lines.js';
import { wireLines, wireRequest } from './wire-lines.js';
import { wrapText } from './wrap-text.js';

/** A panel's content: its title, its lines, which end shows first when short of rows, what names it for scrolling, the line that must show. */
export interface Content {
  readonly title: string;
  readonly lines: readonly Line[];
  readonly keep?: 'head' | 'tail';
  readonly scrollKey?: string;
  readonly anchor?: number;
}

/** What the empty event log says: how to make something happen. */
const QUIET =
  'Nothing has happened yet. Press s to send a request and Space to follow it hop by hop. Pick a box with the arrows or Tab, press Enter to take it down, then + to let time pass. T starts live traffic.';

/** The log, monitoring or wire view, when one is open (the log and monitoring need traffic mode). */
function viewContent(design: DesignState, width: number, theme: Theme): Content | undefined {
  const ts = design.traffic?.state;
  const id = design.topology.id;
  if (design.view === 'log' && ts) {
    const { lines, matched } = logLines(ts.log, design.logFilter, width);
    const filter = design.logFilter ? ` matching "${design.logFilter}"` : '';
    return { title: `Log: ${matched} lines${filter} (/ filters, e closes)`, lines, keep: 'tail', scrollKey: `${id} log ${design.logFilter}` };
  }
  if (design.view === 'monitor' && ts) return { ...monitorLines(ts, width, theme.symbols), keep: 'head', scrollKey: `${id} monitor` };
  if (design.view === 'wire' && design.wire) {
    const { from, to } = design.wire;
    const shown = wireRequest(design);
    return { ...wireLines(shown.from ?? liveSim(design), from, to, shown.request, width), scrollKey: `${id} wire ${from} ${to}` };
  }
  if (design.view === 'branches') return { title: `Branches: ${design.branches.length + 1} (Esc closes)`, lines: branchLines(design, width), scrollKey: `${id} branches` };
  return undefined;
}

/**
 * The main panel: an open view, else the tour slide, the SPOF table, the traffic panel, the
 * request being stepped, or the event log.
 */
export function mainContent(design: DesignState, width: number, theme: Theme): Content {
  const { timeline, topology } = design;
  const frame = currentFrame(timeline);
  const view = viewContent(design, width, theme);
  if (view) return view;
  const id = topology.id;
  if (design.mode === 'tour') return { title: tourTitle(topology, design.slide), lines: tourLines(topology, design.slide, width), scrollKey: `${id} tour ${design.slide}` };
  const spof = design.mode === 'spof' ? spofShown(design) : null;
  if (spof) {
    const title = design.spof ? 'Single points of failure (x or Esc closes)' : `Single points of failure: ${spof.length} of ${design.spofWork?.total ?? spof.length} failures so far (Esc stops)`;
    return { title, lines: spofLines(spof), scrollKey: `${id} spof` };
  }
  if (design.traffic) {
    return { title: trafficTitle(design.traffic), lines: trafficLines(design.traffic, width, theme.symbols, theme.ascii), scrollKey: `${id} traffic` };
  }
  if (frame.trace && timeline.hop > 0 && !design.folded) {
    const lines = traceLines(frame.trace, timeline.hop, width, theme.symbols);
    // While stepping, the hop being shown is the news (the tail shows it); once a request has
    // failed, the hop that failed it is what the answer is about.
    const done = timeline.hop >= frame.trace.hops.length;
    const failed = done && !succeeded(frame.trace.outcome) ? failedHopLine(frame.trace, timeline.hop) : undefined;
    return { title: traceTitle(frame.trace, timeline.hop), lines, keep: 'tail', scrollKey: `${id} trace ${timeline.at} ${timeline.hop}`, ...(failed === undefined ? {} : { anchor: failed }) };
  }
  const lines: Line[] = eventLines(timeline.entries, timeline.at, width);
  const title = `Events up to t=${formatClock(frame.sim.now)}`;
  const scrollKey = `${id} events ${timeline.at}`;
  return lines.length > 0 ? { title, lines, keep: 'tail', scrollKey } : { title, lines: prose(wrapText(QUIET, width - 1), ' ', 'muted'), scrollKey };
}
