import type { Topology } from '../model/types.js';
import { analyzeSpof } from '../sim/index.js';
import { toDot } from './dot.js';
import { toJson } from './json.js';
import { toMarkdown } from './markdown.js';
import { toMermaid } from './mermaid.js';

/** Every export format, by the name `--format` takes. */
export const exportFormats = {
  mermaid: toMermaid,
  dot: toDot,
  json: toJson,
  markdown: (topology: Topology) => toMarkdown(topology, analyzeSpof(topology)),
} satisfies Record<string, (topology: Topology) => string>;

/** Whether `name` is one of the formats `--format` accepts. */
export const isExportFormat = (name: string): name is keyof typeof exportFormats => Object.hasOwn(exportFormats, name);
