import { outcomeHead, succeeded, type Hop, type Trace } from '../../sim/index.js';
import type { Symbols, Tone } from '../theme.js';
import { line, prose, seg, type Line } from './line.js';
import { wrapText } from './wrap-text.js';

/** The panel's title for a trace: the request and where the stepping stands. */
export function traceTitle(trace: Trace, shown: number): string {
  const n = trace.hops.length;
  return shown >= n ? `${trace.request} · done` : `${trace.request} · hop ${shown} of ${n}`;
}

/**
 * The trace panel: earlier hops one line each, the hop being shown with its narration, and the
 * outcome (status line and the text a browser would show) once the last hop is reached.
 * Oldest lines come first; the panel keeps the newest when it is short of rows.
 */
export function traceLines(trace: Trace, shown: number, width: number, symbols: Symbols): Line[] {
  const hops = trace.hops.slice(0, shown);
  const lines: Line[] = hops.slice(0, -1).map((h, i) => compactHop(h, i + 1, symbols));
  const active = hops[hops.length - 1];
  if (active) {
    lines.push(line(seg(`${symbols.pointer} ${hops.length} `, 'key'), seg(route(active, symbols), 'title'), seg(`  ${wire(active)}`, 'muted'), ...result(active, symbols)));
    lines.push(...prose(wrapText(active.note, width - 4), '    '));
  }
  if (shown >= trace.hops.length) lines.push(...outcomeLines(trace, width, symbols));
  return lines;
}

/**
 * The line of `traceLines` where the last failed hop of those shown is written (the one whose
 * failure the outcome reports; earlier hops take one line each, the hop being shown is the last
 * of them), or undefined if none failed.
 */
export function failedHopLine(trace: Trace, shown: number): number | undefined {
  const failed = trace.hops.slice(0, shown).findLastIndex((h) => h.result !== 'ok');
  return failed < 0 ? undefined : failed;
}

function route(h: Hop, symbols: Symbols): string {
  return `${h.from} ${symbols.arrow} ${h.to}`;
}

function wire(h: Hop): string {
  const port = h.port === null ? '' : ` :${h.port}`;
  return `${h.protocol}${port} ${h.encrypted ? 'encrypted' : 'plain text'}`;
}

function result(h: Hop, symbols: Symbols): Line {
  return h.result === 'ok' ? [] : [seg(`  ${symbols.down} ${h.result}`, 'error')];
}

function compactHop(h: Hop, n: number, symbols: Symbols): Line {
  return line(seg(`  ${n} ${route(h, symbols)}`, 'muted'), seg(`  ${h.protocol}${h.port === null ? '' : ` :${h.port}`}`, 'muted'), ...result(h, symbols));
}

function statusTone(status: number): Tone {
  if (status >= 500) return 'error';
  return status >= 400 ? 'warn' : 'ok';
}

/** What the browser ends up with: the status line or the error, who answered, and the page text. */
function outcomeLines(trace: Trace, width: number, symbols: Symbols): Line[] {
  const { outcome } = trace;
  // A probe that connected names what answered in its head (`connected to mysql-1`).
  const by = outcome.servedBy && outcome.status !== null ? ` · served by ${outcome.servedBy}` : '';
  const took = ` · ${trace.duration} ms`;
  const tone = outcome.status !== null ? statusTone(outcome.status) : succeeded(outcome) ? 'ok' : 'error';
  const head = seg(`${symbols.arrow} ${outcomeHead(outcome)}`, tone);
  const lines: Line[] = [line(head, seg(`${by}${took}`, 'muted'))];
  const page = outcome.body === null ? '' : visibleText(outcome.body);
  if (page !== '') lines.push(...prose(wrapText(page, width - 4), '    ', 'muted'));
  return lines;
}

/** The text a browser would display for an HTML body: tags removed, blank lines dropped. */
export function visibleText(body: string): string {
  return body
    .replace(/<head>[\s\S]*?<\/head>/gi, '')
    .replace(/<(h1|p|center|hr|br)[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .join('\n');
}
