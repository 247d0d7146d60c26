import type { FlowEdge } from './flow-graph.js';
import type { PageBox } from './position.js';
import type { LayoutNote } from './types.js';

/** The agents shipping logs to a monitoring service (their links are not drawn as lines). */
const agentsOf = (flow: readonly FlowEdge[], id: string) => flow.filter((e) => e.kind === 'monitoring' && e.to === id).map((e) => e.from);

/** The captions a monitoring service may carry, longest first; empty when no agent ships to it. */
export function captions(flow: readonly FlowEdge[], id: string): readonly string[] {
  const agents = agentsOf(flow, id);
  if (agents.length === 0) return [];
  const count = agents.length === 1 ? '1 agent' : `${agents.length} agents`;
  return [...(agents.length <= 3 ? [`◀┄ logs from ${agents.join(', ')}`] : []), `◀┄ logs from ${count}`, `◀┄ ${count}`];
}

/**
 * Captions for monitoring services, naming the agents that ship to them: to the right of the box,
 * the longest that fits before the next box on its row or the page edge; when none fits there,
 * under the box (unless `beside` only), the longest that fits the page.
 */
export function monitoringNotes(flow: readonly FlowEdge[], boxes: readonly PageBox[], width: number, beside: boolean): LayoutNote[] {
  const notes: LayoutNote[] = [];
  for (const b of boxes) {
    const options = b.role === 'component' ? captions(flow, b.id) : [];
    if (options.length === 0) continue;
    const x = b.x + b.width + 1;
    const y = b.y + Math.floor(b.height / 2);
    const next = Math.min(width + 1, ...boxes.filter((o) => o.x >= x && o.y <= y && o.y + o.height > y).map((o) => o.x));
    const fit = options.find((c) => x + c.length < next);
    if (fit !== undefined) notes.push({ text: fit, x, y });
    else if (!beside) {
      const under = options.find((c) => b.x + c.length <= width) ?? (options[options.length - 1] ?? '').slice(0, Math.max(0, width - b.x));
      notes.push({ text: under, x: b.x, y: b.y + b.height });
    }
  }
  return notes;
}
