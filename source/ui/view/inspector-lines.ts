import { configSnippets } from '../../export/config-snippet.js';
import { lookup } from '../../model/lookup.js';
import type { Component, Topology } from '../../model/types.js';
import { failureLooks } from '../../model/failure-looks.js';
import { failureStateOf, healthView, type SimState } from '../../sim/index.js';
import type { Symbols } from '../theme.js';
import { formatDuration } from '../../grammar/duration.js';
import { line, prose, seg, type Line } from './line.js';
import { wrapText } from './wrap-text.js';

/** The inspector's title: the id and what it is. */
export function inspectorTitle(topology: Topology, id: string): string {
  const c = lookup(topology).component(id);
  if (c) return `${id} · ${c.kind.replace(/-/g, ' ')}${c.software ? ` (${c.software})` : ''}`;
  const host = lookup(topology).host(id);
  return host ? `${id} · server ${host.ip}` : id;
}

/**
 * The inspector for a component or host: where it runs, its real state next to what each load
 * balancer believes (last check, count, countdown to the next one), what it does here, its part
 * in the tour and the design's weaknesses, and the real configuration that matches it.
 */
export function inspectorLines(sim: SimState, id: string, width: number, symbols: Symbols): Line[] {
  const topology = sim.topology;
  const look = lookup(topology);
  const component = look.component(id);
  const lines: Line[] = stateLines(sim, id, width, symbols);
  if (component) lines.push(...placeLines(topology, component));
  else lines.push(line(`  runs ${look.onHost(id).map((c) => c.id).join(', ') || 'nothing'}`));
  lines.push(...beliefLines(sim, id, symbols));
  const explain = component?.explain;
  if (explain) lines.push(...prose(wrapText(explain, width - 2), '  '));
  lines.push(...roleLines(topology, id, width));
  if (configSnippets(topology, id).length > 0) lines.push(line(seg('  c shows the real configuration', 'muted')));
  return lines;
}

/** The inspector's second page: the real configuration files that match the component. */
export function configLines(topology: Topology, id: string): Line[] {
  const snippets = configSnippets(topology, id);
  if (snippets.length === 0) return [line(seg(' nothing to configure: this part has no configuration file of its own', 'muted'))];
  return snippets.flatMap((snippet) => [line(seg(` ${snippet.file}`, 'muted')), ...snippet.lines.map((l) => line(seg(`   ${l}`, 'key')))]);
}

/** Its state, as the failure table words it (a long reason wraps); up when it is in none. */
function stateLines(sim: SimState, id: string, width: number, symbols: Symbols): Line[] {
  const state = failureStateOf(sim, id);
  if (!state) return [line(seg(`${symbols.up} up`, 'ok'))];
  const look = failureLooks[state];
  const host = lookup(sim.topology).component(id)?.host;
  const downHost = host !== undefined && !sim.failed.includes(id) ? host : undefined;
  const text = `${symbols.failure[state]} ${look.word}: ${look.inspector(downHost)}`;
  return prose(wrapText(text, width - 1), '', look.tone);
}

function placeLines(topology: Topology, c: Component): Line[] {
  const host = c.host ? lookup(topology).host(c.host) : undefined;
  const port = 'port' in c ? ` port ${c.port}` : '';
  const where = host ? `on ${host.id} (${host.ip})${port}` : 'outside the site';
  const role = c.kind === 'database' ? (c.role === 'primary' ? ' · primary' : ` · replica of ${c.replicates ?? '?'}`) : '';
  return [line(`  ${where}${role}`)];
}

/** Each load balancer's view of the backend(s) this id carries (a host carries those on it). */
function beliefLines(sim: SimState, id: string, symbols: Symbols): Line[] {
  const look = lookup(sim.topology);
  const carried = new Set(look.host(id) ? look.onHost(id).map((c) => c.id) : [id]);
  const lines: Line[] = [];
  for (const lb of look.ofKind('load-balancer')) {
    for (const row of healthView(sim, lb.id)) {
      if (!carried.has(row.backend)) continue;
      if (row.maint) {
        lines.push(line(`  ${lb.id} holds ${row.backend} `, seg('in MAINT', 'warn')));
        lines.push(line(seg(`    no checks, no requests until :maint ${lb.id} ${row.backend} off`, 'muted')));
        continue;
      }
      const belief = row.up ? seg(`${symbols.up} UP`, 'ok') : seg(`${symbols.believedDown} DOWN`, 'warn');
      const count = `${row.count} of ${row.of} checks ${row.up ? 'failed' : 'passed'}`;
      lines.push(line(`  ${lb.id} believes ${row.backend} `, belief, seg(` (${count})`, 'muted')));
      lines.push(line(seg(`    last check ${row.last ?? 'none yet'}, next in ${formatDuration(row.nextCheckIn)}`, 'muted')));
    }
  }
  return lines;
}

/**
 * The tour slides about the part (by title: `t` shows them) and each weakness it is part of, in
 * full: the design's issues are read nowhere else in the app.
 */
function roleLines(topology: Topology, id: string, width: number): Line[] {
  const about = (notes: Topology['tour']) => notes.filter((n) => n.focus.includes(id));
  const tour = about(topology.tour).map((n) => n.title);
  return [
    ...(tour.length > 0 ? prose(wrapText(`In the tour: ${tour.join('; ')}`, width - 2), '  ', 'muted') : []),
    ...about(topology.issues).flatMap((n) => [...prose(wrapText(`Weakness: ${n.title}`, width - 2), '  ', 'warn'), ...prose(wrapText(n.text, width - 4), '    ', 'muted')]),
  ];
}
