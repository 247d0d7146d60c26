import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { exportCommand } from '../../source/commands/export.js';
import { toDot } from '../../source/export/dot.js';
import { toMarkdown } from '../../source/export/markdown.js';
import { mermaidId, toMermaid } from '../../source/export/mermaid.js';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import type { Topology } from '../../source/model/types.js';
import type { SpofRow } from '../../source/sim/index.js';
import { runCommand } from '../cli/fake-io.js';

/** Text a student could put in a topology file to run code in whoever renders the handout. */
const hostile = [
  '<script>alert(1)</script>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">click</a>',
  '[click](javascript:alert(1))',
  '![x](javascript:alert(1))',
  '[x](&#x6A;avascript:alert(1))',
  '<javascript:alert(1)>',
  '<https://evil.example/>',
  '[ref]\n\n[ref]: javascript:alert(1)',
  '<!-- hidden --><b>bold</b>',
  '```\n<script>alert(1)</script>\n```',
  '~~~\n<svg onload=alert(1)>\n~~~',
  '    <div>indented</div>',
  '\\<b>escaped</b>',
  '`code` <style>*{}</style>',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '# heading\n- item\n1. item\n> quote\n---\n===',
  '%%{init: {"securityLevel": "loose"}}%%',
  'x"]\nclick n_nginx_1 call alert(1)\n%%',
  'a | b | <td>',
];

/** The one-line fields: a hostile text, its line breaks made spaces (the loader refuses them there). */
const oneLine = (text: string) => text.replace(/\n/g, ' ');

/** Design 0 with every text a file can carry replaced by the hostile corpus, ids included. */
function hostileTopology(): { topology: Topology; spof: SpofRow[] } {
  const t = loadBuiltin('simple');
  const pick = (i: number) => hostile[i % hostile.length] ?? '';
  const topology: Topology = {
    ...t,
    title: oneLine(pick(0)),
    summary: oneLine(pick(1)),
    components: t.components.map((c, i) => ({ ...c, label: oneLine(pick(i + 2)), software: oneLine(pick(i + 9)) })),
    hosts: t.hosts.map((h, i) => ({ ...h, label: oneLine(pick(i + 5)) })),
    tour: hostile.map((text, i) => ({ title: oneLine(pick(i + 3)), focus: [oneLine(text)], text })),
    issues: hostile.map((text, i) => ({ title: oneLine(text), focus: [], text: pick(i + 7) })),
  };
  const spof = hostile.map((text, i): SpofRow => ({ id: oneLine(text), kind: 'component', impact: i % 2 === 0 ? 'outage' : 'partial', why: oneLine(pick(i + 1)) }));
  return { topology, spof };
}

/** Markdown rendered as permissively as a renderer allows: raw HTML passes through. */
const render = (markdown: string) => new MarkdownIt({ html: true }).render(markdown);

/** The only elements a handout is made of. */
const handoutElements = new Set(['h1', 'h2', 'h3', 'p', 'pre', 'code', 'em', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);

/** Attributes that carry a URL, inside a tag (text shows `href=` escaped, outside any tag). */
const urlAttribute = /<[^>]*\b(href|src|action|formaction)\s*=/i;

function elementsIn(html: string): string[] {
  return [...html.matchAll(/<\/?([A-Za-z][\w-]*)/g)].map((m) => (m[1] ?? '').toLowerCase());
}

describe('handouts from hostile files', () => {
  const { topology, spof } = hostileTopology();

  it('Markdown: rendered with raw HTML allowed, no element but the handout\'s own, no link, no javascript: URL', () => {
    const html = render(toMarkdown(topology, spof));
    expect(elementsIn(html).filter((e) => !handoutElements.has(e))).toEqual([]);
    expect(html).not.toMatch(urlAttribute);
    expect(html).not.toMatch(/<[^>]*javascript:/i);
    // Shown as written, not dropped: the reader sees what the file says.
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('[click](javascript:alert(1))');
  });

  it('Markdown: each hostile text alone, as a title, a summary and a tour text, stays text', () => {
    const base = loadBuiltin('simple');
    for (const text of hostile) {
      const t: Topology = { ...base, title: oneLine(text), summary: oneLine(text), tour: [{ title: oneLine(text), focus: [], text }], issues: [] };
      const html = render(toMarkdown(t));
      expect(elementsIn(html).filter((e) => !handoutElements.has(e)), text).toEqual([]);
      expect(html, text).not.toMatch(urlAttribute);
      // The headings are exactly the handout's: a text cannot add one.
      expect(elementsIn(html).filter((e) => e === 'h1' || e === 'h2' || e === 'h3').length, text).toBe(2 * 3);
    }
  });

  it('Mermaid: no directive, no click, no statement of its own, every label quoted', () => {
    const text = toMermaid(topology);
    const lines = text.trimEnd().split('\n');
    for (const line of lines.slice(1)) {
      expect(line).toMatch(/^\s*(end|subgraph [a-z0-9_]+\[".*"\]|n_[a-z0-9_]+(\W.*)?)$/);
      expect((line.match(/"/g) ?? []).length % 2).toBe(0);
      for (const quoted of line.match(/"[^"]*"/g) ?? []) expect(quoted.replace(/<br\/>/g, '')).not.toMatch(/[<>%`|]/);
    }
    expect(text).not.toMatch(/^\s*(click|%%)/m);
  });

  it('Mermaid: even an id the loader would refuse stays one plain word', () => {
    for (const text of hostile) expect(mermaidId('n', oneLine(text))).toMatch(/^n_[A-Za-z0-9_]+$/);
    expect(mermaidId('n', 'a"b')).not.toBe(mermaidId('n', 'a<b'));
  });

  it('DOT: every label a quoted string, never an HTML label', () => {
    const text = toDot(topology);
    expect(text).not.toMatch(/=\s*</);
    // Outside quoted strings nothing of the file remains.
    const bare = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    expect(bare).not.toMatch(/script|alert|</);
  });
});

describe('export of a hostile file through the loader', () => {
  it('a file that passes validation with HTML in every text gives a handout with no HTML', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'infra-tui-hostile-'));
    const file = join(dir, 'hostile.yaml');
    const source = parse(readFileSync('topologies/0-simple.yaml', 'utf8')) as Record<string, unknown>;
    writeFileSync(file, stringify({ ...source, id: 'hostile', title: oneLine(hostile[3] ?? ''), summary: oneLine(hostile[5] ?? ''), tour: hostile.map((text) => ({ title: oneLine(text), text })) }));
    const { code, out, err } = await runCommand(exportCommand, [file], { format: 'markdown' });
    expect(err).toBe('');
    expect(code).toBe(0);
    const html = render(out);
    expect(elementsIn(html).filter((e) => !handoutElements.has(e))).toEqual([]);
    expect(html).not.toMatch(urlAttribute);
  });
});
