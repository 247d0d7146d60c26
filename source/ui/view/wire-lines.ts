import { formatRequest, type Request, type SimState, wire } from '../../sim/index.js';
import type { DesignState } from '../state/app-state.js';
import { frameAt } from '../state/timeline.js';
import { line, prose, seg, type Line } from './line.js';
import { wrapText } from './wrap-text.js';

const DEFAULT_REQUEST: Request = { kind: 'http', method: 'GET', path: '/' };

/**
 * The request the wire view shows and the state it is sent from. The request on screen is
 * replayed from the state it was sent in, so the view shows that very request (the same
 * server, the same answer), never the next one. Else the last one sent by hand (traffic mode,
 * then the history up to now) from the state now, else `GET /`.
 */
export function wireRequest(design: DesignState): { readonly request: Request; readonly from: SimState | undefined } {
  const { entries, at } = design.timeline;
  const shown = entries[at]?.input;
  if (!design.traffic && shown?.type === 'send') return { request: shown.request, from: at > 0 ? frameAt(design.timeline, at - 1).sim : undefined };
  if (design.traffic?.sent) return { request: design.traffic.sent.request, from: undefined };
  for (let i = at; i >= 0; i--) {
    const input = entries[i]?.input;
    if (input?.type === 'send') return { request: input.request, from: undefined };
  }
  return { request: DEFAULT_REQUEST, from: undefined };
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
