import { kindSpecs } from '../model/kinds.js';
import type { Component, Topology } from '../model/types.js';
import { componentText, exportGraph, type FlowEdge } from '../layout/index.js';

/**
 * A DOT quoted string, never an HTML label (those are written `<...>`, never quoted): backslashes
 * escaped first, so a file's text cannot form an escape such as `\N` or `\l`; quotes escaped;
 * line breaks as `\n`.
 */
const dotString = (text: string) => `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;

const node = (c: Component) => `${dotString(c.id)} [label=${dotString(componentText(c).join('\n'))}, shape=${kindSpecs[c.kind].look.dot}];`;

function edge(e: FlowEdge): string {
  const attrs = [
    ...(e.label === '' ? [] : [`label=${dotString(e.label)}`]),
    ...(e.encrypted && e.kind !== 'monitoring' ? ['penwidth=2', 'color="darkgreen"'] : []),
    ...(e.kind === 'monitoring' || e.kind === 'replication' ? ['style=dashed'] : []),
    ...(e.kind === 'monitoring' ? ['constraint=false'] : []),
  ];
  return `${dotString(e.from)} -> ${dotString(e.to)}${attrs.length > 0 ? ` [${attrs.join(', ')}]` : ''};`;
}

/**
 * The topology as a Graphviz `digraph`, left to right: a `cluster_<host>` subgraph per host
 * (inside a `cluster_<vip>` per VIP cluster), encrypted links bold green, replication and logs
 * dashed. Every id and label is a quoted, escaped DOT string.
 */
export function toDot(topology: Topology): string {
  const g = exportGraph(topology);
  const lines = [`digraph ${dotString(topology.id)} {`, '  rankdir=LR;', '  compound=true;', `  label=${dotString(topology.title)};`, '  node [fontname="Helvetica", shape=box];', '  edge [fontname="Helvetica", fontsize=10];'];
  const hostBlock = (id: string, indent: string) => {
    const h = g.hosts.find((x) => x.id === id);
    if (!h || h.components.length === 0) return;
    lines.push(`${indent}subgraph ${dotString(`cluster_${h.id}`)} {`, `${indent}  label=${dotString(h.title)};`, `${indent}  style=rounded;`);
    for (const c of h.components) lines.push(`${indent}  ${node(c)}`);
    lines.push(`${indent}}`);
  };
  for (const c of g.free) lines.push(`  ${node(c)}`);
  const clustered = new Set(g.clusters.flatMap((c) => c.hosts));
  for (const cluster of g.clusters) {
    lines.push(`  subgraph ${dotString(`cluster_${cluster.id}`)} {`, `    label=${dotString(cluster.title)};`, '    style=dashed;');
    for (const h of cluster.hosts) hostBlock(h, '    ');
    lines.push('  }');
  }
  for (const h of g.hosts) if (!clustered.has(h.id)) hostBlock(h.id, '  ');
  for (const e of g.edges) lines.push(`  ${edge(e)}`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}
