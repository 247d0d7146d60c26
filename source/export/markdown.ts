import { layoutTopology, renderDiagram, toPlainText } from '../layout/index.js';
import type { Note, Topology } from '../model/types.js';
import { impactSummary, type SpofRow } from '../sim/index.js';
import { codeBlock, codeSpan, markdownLine, markdownText } from './markdown-text.js';

/** The width of the handout's diagram: readable in a printed page or a rendered README. */
const handoutWidth = 100;

const impactText: Record<SpofRow['impact'], string> = {
  outage: 'outage: the application is down',
  writes: 'writes fail, reads still work',
  partial: 'some requests keep failing',
  degraded: 'works, with less capacity or after a gap',
  none: 'no effect',
};

function noteSection(note: Note, level: string, index?: number): string[] {
  const title = index === undefined ? markdownLine(note.title) : `${index}. ${markdownLine(note.title)}`;
  const about = note.focus.length > 0 ? [`*About:* ${note.focus.map(codeSpan).join(', ')}`, ''] : [];
  return [`${level} ${title}`, '', ...about, markdownText(note.text), ''];
}

function spofTable(rows: readonly SpofRow[]): string[] {
  return [
    '## Single points of failure',
    '',
    'What happens when each component or host fails on its own, found by failing it in the simulation and replaying requests.',
    '',
    ...impactSummary(rows).map((l) => `- ${markdownLine(l)}`),
    '',
    '| Fails | Kind | Impact | Seen in the simulation |',
    '|---|---|---|---|',
    ...rows.map((r) => `| ${codeSpan(r.id)} | ${r.kind} | ${markdownLine(impactText[r.impact])} | ${markdownLine(r.why)} |`),
    '',
  ];
}

/**
 * A Markdown handout of the design: title and summary, the diagram in a code block, the tour
 * as numbered sections, the weaknesses, and (when `spof` rows are given) the SPOF table.
 */
export function toMarkdown(topology: Topology, spof?: readonly SpofRow[]): string {
  const diagram = toPlainText(renderDiagram(layoutTopology(topology, { width: handoutWidth, ascii: false }), {}, { ascii: false }));
  const lines = [
    `# ${markdownLine(topology.title)}`,
    '',
    markdownText(topology.summary),
    '',
    ...codeBlock(diagram.trimEnd()),
    '',
    ...(topology.tour.length > 0 ? ['## Walkthrough', '', ...topology.tour.flatMap((n, i) => noteSection(n, '###', i + 1))] : []),
    ...(topology.issues.length > 0 ? ['## Weaknesses', '', ...topology.issues.flatMap((n) => noteSection(n, '###'))] : []),
    ...(spof ? spofTable(spof) : []),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
