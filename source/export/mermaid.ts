import { kindSpecs } from '../model/kinds.js';
import type { Component, Topology } from '../model/types.js';
import { componentText, exportGraph, type FlowEdge, type ViewState } from '../layout/index.js';

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

/** How the state is drawn: down parts red and dashed, believed down amber, the request's path thick blue. */
const stateStyles = [
  'classDef down fill:#fdd,stroke:#c00,stroke-width:2px,stroke-dasharray:5 3',
  'classDef believedDown fill:#ffe8c2,stroke:#c80',
];
const pathStyle = 'stroke:#06c,stroke-width:4px';

/** The lines that draw `view`'s failures and path on the flowchart whose edges are `edges`, in order. */
function stateLines(view: ViewState, edges: readonly FlowEdge[], components: readonly Component[]): string[] {
  // A machine down takes down what runs on it.
  const shown = (list: readonly string[] = []) => components.filter((c) => list.includes(c.id) || (c.host !== undefined && list.includes(c.host))).map((c) => mermaidId('n', c.id));
  const down = shown(view.failed);
  const believed = shown(view.believedDown).filter((id) => !down.includes(id));
  const onPath = edges.flatMap((e, i) => ((view.path ?? []).some((h) => (h.from === e.from && h.to === e.to) || (h.from === e.to && h.to === e.from)) ? [i] : []));
  return [
    ...(down.length + believed.length > 0 ? stateStyles : []),
    ...(down.length > 0 ? [`class ${down.join(',')} down`] : []),
    ...(believed.length > 0 ? [`class ${believed.join(',')} believedDown`] : []),
    ...(onPath.length > 0 ? [`linkStyle ${onPath.join(',')} ${pathStyle}`] : []),
  ];
}

/**
 * The topology as a Mermaid `flowchart LR`: a subgraph per host (inside one per VIP cluster),
 * every label quoted, encrypted links thick, replication and logs dotted. With `view`, the state
 * too: the components (and hosts' components) down, those a load balancer believes down, and
 * the links of the request's path so far.
 */
export function toMermaid(topology: Topology, view?: ViewState): string {
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
  if (view) lines.push(...stateLines(view, g.edges, topology.components).map((l) => `  ${l}`));
  return `${lines.join('\n')}\n`;
}
