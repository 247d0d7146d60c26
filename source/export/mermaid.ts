import { kindSpecs } from '../model/kinds.js';
import type { Component, Topology } from '../model/types.js';
import { componentText, exportGraph, type FlowEdge } from '../layout/index.js';

/**
 * A Mermaid node id: ids are lowercase letters, digits and hyphens, so this is one-to-one and
 * keyword-free. Any other character (the loader refuses them) is spelled as its code, so even
 * an unchecked id stays one plain word.
 */
export const mermaidId = (prefix: 'n' | 'h' | 'c', id: string) => `${prefix}_${id.replace(/[^A-Za-z0-9-]/g, (c) => `_${c.codePointAt(0) ?? 0}_`).replace(/-/g, '_')}`;

/**
 * Mermaid's entity codes for the characters that could end a quoted label or change what it
 * means: the quote, HTML's angle brackets and ampersand, `#` (which starts an entity code
 * itself), `%` (directives and comments), the backtick (Markdown strings) and `|` (edge labels).
 */
const mermaidEntities: Readonly<Record<string, string>> = { '"': '#quot;', '<': '#lt;', '>': '#gt;', '&': '#amp;', '#': '#35;', '%': '#37;', '`': '#96;', '|': '#124;' };

/**
 * File text inside Mermaid double quotes, shown exactly as written and nothing more: the
 * characters above become entity codes (in one pass, so a code is never coded twice) and line
 * breaks become spaces, so no text can start a statement (`click`, `%%{init}%%`) of its own.
 */
export const mermaidText = (text: string) => text.replace(/[ \t]*\r?\n[ \t]*/g, ' ').replace(/["<>&#%`|]/g, (c) => mermaidEntities[c] ?? c);

function node(c: Component): string {
  const [open, close] = kindSpecs[c.kind].look.mermaid;
  return `${mermaidId('n', c.id)}${open}"${componentText(c).map(mermaidText).join('<br/>')}"${close}`;
}

function arrow(e: FlowEdge): string {
  const head = e.kind === 'monitoring' || e.kind === 'replication' ? '-.->' : e.encrypted ? '==>' : '-->';
  const label = e.label === '' ? '' : `|"${mermaidText(e.label)}"|`;
  return `${mermaidId('n', e.from)} ${head}${label} ${mermaidId('n', e.to)}`;
}

/**
 * The topology as a Mermaid `flowchart LR`: a subgraph per host (inside one per VIP cluster),
 * every label quoted, encrypted links thick, replication and logs dotted.
 */
export function toMermaid(topology: Topology): string {
  const g = exportGraph(topology);
  const lines = ['flowchart LR'];
  const hostBlock = (id: string, indent: string) => {
    const h = g.hosts.find((x) => x.id === id);
    if (!h || h.components.length === 0) return;
    lines.push(`${indent}subgraph ${mermaidId('h', h.id)}["${mermaidText(h.title)}"]`);
    for (const c of h.components) lines.push(`${indent}  ${node(c)}`);
    lines.push(`${indent}end`);
  };
  for (const c of g.free) lines.push(`  ${node(c)}`);
  const clustered = new Set(g.clusters.flatMap((c) => c.hosts));
  for (const cluster of g.clusters) {
    lines.push(`  subgraph ${mermaidId('c', cluster.id)}["${mermaidText(cluster.title)}"]`);
    for (const h of cluster.hosts) hostBlock(h, '    ');
    lines.push('  end');
  }
  for (const h of g.hosts) if (!clustered.has(h.id)) hostBlock(h.id, '  ');
  for (const e of g.edges) lines.push(`  ${arrow(e)}`);
  return `${lines.join('\n')}\n`;
}
