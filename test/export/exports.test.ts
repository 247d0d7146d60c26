import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { exportCommand } from '../../source/commands/export.js';
import { UsageError } from '../../source/commands/context.js';
import { toDot } from '../../source/export/dot.js';
import { toJson } from '../../source/export/json.js';
import { toMarkdown } from '../../source/export/markdown.js';
import { mermaidId, mermaidText, toMermaid } from '../../source/export/mermaid.js';
import { exportGraph, layoutTopology } from '../../source/layout/index.js';
import { builtins, loadBuiltin } from '../../source/model/load-builtins.js';
import type { Topology } from '../../source/model/types.js';
import { fakeIo, noFlags } from '../cli/fake-io.js';
import { requiresTool } from '../requires-tool.js';

const ids = ['simple', 'distributed', 'secured', 'scaled', 'high-availability'];
const designs = ids.map((id) => [id, loadBuiltin(id)] as const);
const withGraphviz = requiresTool({ command: 'dot', versionArgs: ['-V'], install: 'apt-get install graphviz' });

/** A design whose labels try to break out of quotes. */
const tricky: Topology = (() => {
  const t = loadBuiltin('simple');
  return { ...t, title: 'Say "hi" \\ <b>', components: t.components.map((c) => (c.id === 'nginx-1' ? { ...c, label: 'web "front" <1>', software: 'a\\b' } : c)) };
})();

describe('Mermaid export', () => {
  it.each(designs)('%s: a flowchart with a subgraph per host, every label quoted', (_, topology) => {
    const text = toMermaid(topology);
    const lines = text.trimEnd().split('\n');
    expect(lines[0]).toBe('flowchart LR');
    const opened = lines.filter((l) => /^\s*subgraph /.test(l)).length;
    expect(opened).toBe(lines.filter((l) => l.trim() === 'end').length);
    for (const host of topology.hosts) expect(text).toContain(`subgraph ${mermaidId('h', host.id)}["`);
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const c of topology.components) expect(text).toMatch(new RegExp(`^\\s*${mermaidId('n', c.id)}\\W.*"${escape(c.label)}`, 'm'));
    for (const line of lines.slice(1)) {
      // Every statement is a node, an edge, a subgraph or its end; ids are plain words.
      expect(line).toMatch(/^\s*(end|subgraph [a-z0-9_]+\[".*"\]|n_[a-z0-9_]+(\W.*)?)$/);
      expect((line.match(/"/g) ?? []).length % 2).toBe(0);
    }
  });

  it('escapes quotes and angle brackets in labels', () => {
    expect(mermaidText('a "b" <c>')).toBe('a #quot;b#quot; #lt;c#gt;');
    expect(toMermaid(tricky)).toContain('web #quot;front#quot; #lt;1#gt;');
  });
});

describe('DOT export', () => {
  it.each(designs)('%s: a digraph with a cluster per host', (_, topology) => {
    const text = toDot(topology);
    expect(text.startsWith(`digraph "${topology.id}" {`)).toBe(true);
    for (const host of topology.hosts) expect(text).toContain(`subgraph "cluster_${host.id}" {`);
    expect((text.match(/{/g) ?? []).length).toBe((text.match(/}/g) ?? []).length);
  });

  withGraphviz('is accepted by Graphviz for every design and for tricky labels', () => {
    for (const topology of [...designs.map(([, t]) => t), tricky]) {
      const result = spawnSync('dot', ['-Tsvg'], { input: toDot(topology), encoding: 'utf8' });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(result.stdout).toContain('<svg');
    }
  });
});

describe('JSON export', () => {
  type Raw = { id: string; title: string; domain: string; dns: unknown[]; hosts: { id: string }[]; components: { id: string; kind: string; host?: string }[] };
  it.each(builtins().map((b) => [b.id, b.file] as const))('%s: says what the design file says, parts in the same order', (id, file) => {
    // The expectation is the YAML file as the yaml library reads it, not the loader's output.
    const raw = parse(readFileSync(file, 'utf8')) as Raw;
    const json = JSON.parse(toJson(loadBuiltin(id))) as Raw;
    expect(json).toMatchObject({ id: raw.id, title: raw.title, domain: raw.domain, dns: raw.dns });
    expect(json.hosts.map((h) => h.id)).toEqual(raw.hosts.map((h) => h.id));
    expect(json.components.map(({ id, kind, host }) => ({ id, kind, host }))).toEqual(raw.components.map(({ id, kind, host }) => ({ id, kind, host })));
  });
});

describe('Markdown handout', () => {
  it('has the title, the diagram in a code block, the tour, the weaknesses and the SPOF table', () => {
    const topology = loadBuiltin('distributed');
    const text = toMarkdown(topology, [{ id: 'haproxy-1', kind: 'component', impact: 'outage', why: 'GET / fails | 503' }]);
    expect(text.startsWith(`# ${topology.title}\n`)).toBe(true);
    expect(text).toMatch(/```text\n[\s\S]*haproxy-1[\s\S]*\n```\n/);
    topology.tour.forEach((note, i) => expect(text).toContain(`### ${i + 1}. ${note.title}`));
    for (const note of topology.issues) expect(text).toContain(`### ${note.title}`);
    expect(text).toContain('| `haproxy-1` | component | outage: the application is down | GET / fails \\| 503 |');
  });

  it('leaves the SPOF table out when no analysis is given', () => {
    expect(toMarkdown(loadBuiltin('simple'))).not.toContain('Single points of failure');
  });
});

describe('infra-tui export', () => {
  const run = async (args: string[], format?: string) => {
    const out = fakeIo();
    const code = await exportCommand({ args, flags: { ...noFlags, format }, io: out.io });
    return { code, text: out.stdout() };
  };

  it('prints the chosen format', async () => {
    expect((await run(['1'], 'mermaid')).text.startsWith('flowchart LR')).toBe(true);
    expect((await run(['distributed'], 'json')).code).toBe(0);
  });

  it('prints a handout with the computed SPOF table', async () => {
    const { text } = await run(['simple'], 'markdown');
    expect(text).toMatch(/\| `server-1` \| host \| outage/);
  });

  it.each([
    [undefined, /needs --format: one of mermaid, dot, json, markdown/],
    ['svg', /unknown export format "svg": use one of mermaid, dot, json, markdown/],
  ])('refuses format %s, naming the formats', async (format, message) => {
    await expect(run(['1'], format)).rejects.toThrow(UsageError);
    await expect(run(['1'], format)).rejects.toThrow(message);
  });
});

describe('host and VIP titles', () => {
  it.each(designs)('%s: the exports title each frame in the words of the terminal diagram, whole', (_, topology) => {
    const layout = layoutTopology(topology, { width: 400, ascii: false });
    const graph = exportGraph(topology);
    const drawn = new Map([...layout.boxes, ...layout.frames].map((b) => [b.id, b.label]));
    for (const { id, title } of [...graph.hosts, ...graph.clusters]) {
      // The diagram may drop the label to fit a narrow frame, never reword: its words are the export's, in order.
      const words = (drawn.get(id) ?? '').split(' ');
      expect(title.split(' ').filter((w) => words.includes(w)), id).toEqual(words);
      expect(toMermaid(topology), id).toContain(title);
    }
  });

  it('gives the full title of a host whose label says more than its id, and the VIP group its address', () => {
    expect(exportGraph(loadBuiltin('distributed')).hosts.map((h) => h.title)).toEqual(['lb-1 · Load balancer · 8.8.8.8', 'server-1 8.8.8.11', 'server-2 8.8.8.12']);
    const titles = exportGraph(loadBuiltin('high-availability'));
    expect(titles.clusters.map((c) => c.title)).toEqual([expect.stringMatching(/^VIP [\d.]+ \(keepalived\)$/)]);
  });
});
