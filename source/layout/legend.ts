import { failureStates } from '../model/failure-looks.js';
import type { LayoutEdge } from './types.js';

/**
 * The legend under the drawing: what each kind of line and each state symbol means, so the
 * picture reads without colour. Only line kinds present in the drawing are listed; the state
 * symbols always are (the app marks failures at any time) — the load balancer's belief only where
 * there is a load balancer —, and so is the SSL certificate of each load balancer that terminates
 * HTTPS (where the encrypted part of a request ends). Items are packed into lines no wider
 * than `width`. Guaranteed: every line is at most `width` characters when every item is.
 */
export function legendLines(edges: readonly LayoutEdge[], ascii: boolean, width: number, extra: { certificates?: readonly string[]; balanced?: boolean } = {}): string[] {
  const has = (test: (e: LayoutEdge) => boolean) => edges.some(test);
  const items = [
    ascii ? '--> plaintext' : '──▶ plaintext',
    ...(has((e) => e.encrypted) ? [ascii ? '==> encrypted (TLS)' : '══▶ encrypted (TLS)'] : []),
    ...(extra.certificates ?? []),
    ...failureStates.filter(([, look]) => look.legend).map(([, look]) => `${ascii ? look.ascii : look.symbol} ${look.word}`),
    ...(extra.balanced === false ? [] : ['? a load balancer believes it down']),
  ];
  const lines: string[] = [];
  let line = '';
  for (const item of items) {
    const next = line === '' ? item : `${line}   ${item}`;
    if (next.length > width && line !== '') {
      lines.push(line);
      line = item;
    } else line = next;
  }
  if (line !== '') lines.push(line);
  return lines.map((l) => (l.length > width ? l.slice(0, width) : l));
}
