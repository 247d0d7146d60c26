import { formatRequest, type Request, type SimState, wire } from '../../sim/index.js';
import type { DesignState } from '../state/app-state.js';
import { line, prose, seg, type Line } from './line.js';
import { wrapText } from './wrap-text.js';

const DEFAULT_REQUEST: Request = { kind: 'http', method: 'GET', path: '/' };

/** The request the wire view replays: the last one sent by hand (traffic mode, then the history up to now), else `GET /`. */
export function wireRequest(design: DesignState): Request {
  if (design.traffic?.sent) return design.traffic.sent.request;
  const frames = design.timeline.frames.slice(0, design.timeline.at + 1);
  for (let i = frames.length - 1; i >= 0; i--) {
    const input = frames[i]?.input;
    if (input?.type === 'send') return input.request;
  }
  return DEFAULT_REQUEST;
}

/** What someone capturing packets between `from` and `to` reads when the request is sent now. */
export function wireLines(sim: SimState, from: string, to: string, request: Request, width: number): { title: string; lines: Line[] } {
  const view = wire(sim, from, to, request);
  const title = `On the wire between ${from} and ${to}: ${formatRequest(request)} (w: another hop, Esc closes)`;
  if (!view.hop) return { title, lines: prose(wrapText(view.note, width - 2), ' ', 'muted') };
  const how = `${view.hop.protocol}${view.hop.port === null ? '' : ` port ${view.hop.port}`}, ${view.hop.encrypted ? 'encrypted' : 'plain text'}`;
  return {
    title,
    lines: [
      line(seg(` ${view.hop.from} -> ${view.hop.to}: ${how}`, view.hop.encrypted ? 'ok' : 'warn')),
      ...view.lines.flatMap((l) => prose(wrapText(l, width - 4), '   ')),
      ...prose(wrapText(view.note, width - 2), ' ', view.hop.encrypted ? 'ok' : 'warn'),
    ],
  };
}
