/**
 * The design as it stands in the app, for slides and hand-ins: the diagram with what is down,
 * what a load balancer believes down and the request's path so far, as plain text, a Markdown
 * page or a Mermaid flowchart. Pure: the app gathers the state, this writes it.
 */
import { layoutTopology, renderDiagram, toPlainText, type ViewState } from '../layout/index.js';
import { failureLooks, failureStates, type FailureState } from '../model/failure-looks.js';
import type { Topology } from '../model/types.js';
import type { Ms } from '../sim/index.js';
import { codeBlock, codeSpan, markdownLine } from './markdown-text.js';
import { toMermaid } from './mermaid.js';

/** What the app knows of the moment being exported. */
export interface StateSnapshot {
  readonly topology: Topology;
  /** Failed, believed down, the path and the hop shown: as the app's diagram draws them. */
  readonly view: ViewState;
  /** The parts in each failure state (down includes what runs on a machine that is down). */
  readonly failures: Readonly<Record<FailureState, readonly string[]>>;
  /** Virtual time. */
  readonly at: Ms;
  /**
   * The request on screen (`GET /`) with how it ended once it has, or null; `route` is where it
   * went so far, hop by hop (the client's resolver included, which the diagram draws on the
   * client's line to the name server).
   */
  readonly request: { readonly text: string; readonly outcome: string | null; readonly route: readonly string[] } | null;
}

/** The diagram's width in a file (UTF-8, like every export): a page or a slide, not the terminal. */
const FILE_WIDTH = 100;

/** One line of facts: ids (a list, or a route from hop to hop), or words. */
interface Fact {
  readonly label: string;
  readonly ids?: readonly string[];
  readonly route?: boolean;
  readonly text?: string;
}

/** What is down or hung and where the request went, as facts (ids as they are). */
function facts(s: StateSnapshot): Fact[] {
  const route = s.request?.route ?? [];
  // One line per failure state, worded by the failure table; "down: nothing" when all is well.
  const failed = failureStates.filter(([state]) => s.failures[state].length > 0).map(([state, look]) => ({ label: look.word, ids: s.failures[state] }));
  return [
    ...(failed.length > 0 ? failed : [{ label: failureLooks.down.word, text: 'nothing' }]),
    ...(s.view.believedDown?.length ? [{ label: 'a load balancer believes down', ids: s.view.believedDown }] : []),
    ...(s.request ? [{ label: 'request', text: `${s.request.text}${s.request.outcome ? `: ${s.request.outcome}` : ''}` }] : []),
    ...(route.length > 0 ? [{ label: 'path so far', ids: route, route: true }] : []),
  ];
}

const seconds = (at: Ms) => `${(at / 1000).toFixed(1)} s`;
const diagram = (s: StateSnapshot) => toPlainText(renderDiagram(layoutTopology(s.topology, { width: FILE_WIDTH, ascii: false }), s.view, { ascii: false })).trimEnd();

function asText(s: StateSnapshot): string {
  const lines = facts(s).map((f) => `${f.label}: ${f.ids ? f.ids.join(f.route ? ' → ' : ', ') : (f.text ?? '')}`);
  return `${s.topology.title} at ${seconds(s.at)} (virtual time)\n${lines.join('\n')}\n\n${diagram(s)}\n`;
}

function asMarkdown(s: StateSnapshot): string {
  const lines = facts(s).map((f) => `- **${f.label}:** ${f.ids ? f.ids.map(codeSpan).join(f.route ? ' → ' : ', ') : markdownLine(f.text ?? '')}`);
  return [`# ${markdownLine(s.topology.title)}`, '', `*At ${seconds(s.at)} of virtual time.*`, '', ...lines, '', ...codeBlock(diagram(s)), ''].join('\n');
}

/** Every format of a state export: its file extension and how it is written. */
export const stateFormats = {
  text: { extension: 'txt', write: asText },
  markdown: { extension: 'md', write: asMarkdown },
  mermaid: { extension: 'mmd', write: (s: StateSnapshot) => toMermaid(s.topology, s.view) },
} satisfies Record<string, { readonly extension: string; readonly write: (s: StateSnapshot) => string }>;

export type StateFormat = keyof typeof stateFormats;

/** Whether `name` is one of the formats above. */
export const isStateFormat = (name: string): name is StateFormat => Object.hasOwn(stateFormats, name);
