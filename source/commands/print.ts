import { layoutTopology, renderDiagram } from '../layout/index.js';
import { loadTopology } from '../model/load-topology.js';
import { didYouMean } from '../model/suggest.js';
import type { Topology } from '../model/types.js';
import { ansiLines } from './ansi-lines.js';
import { UsageError, type Command } from './context.js';

/** The page width when stdout is not a terminal and no --width is given. */
const defaultWidth = 100;

/** The ids of `--fail a,b`, each checked against the topology's components and hosts. */
function failIds(topology: Topology, flag: string | undefined): string[] {
  if (flag === undefined) return [];
  const known = [...topology.components.map((c) => c.id), ...topology.hosts.map((h) => h.id)];
  const ids = flag
    .split(',')
    .map((id) => id.trim())
    .filter((id) => id !== '');
  for (const id of ids) {
    if (!known.includes(id)) throw new UsageError(`--fail: no component or host "${id}" in ${topology.id}${didYouMean(id, known)}`);
  }
  return ids;
}

/**
 * `infra-tui print <topology>`: the diagram as text, no line wider than `--width` (default: the
 * terminal's width, or 100 when stdout is not a terminal). `--fail` marks components or hosts
 * down; colour only on a terminal with colour on; `--ascii` gives 7-bit characters.
 */
export const printCommand: Command = async ({ args, flags, io }) => {
  const [arg, ...extra] = args;
  if (arg === undefined) throw new UsageError('print needs a topology: a number (0-4), an id, or a YAML file');
  if (extra.length > 0) throw new UsageError(`print takes one topology, not also "${extra.join(' ')}"`);
  const topology = await loadTopology(arg, io.cwd);
  const failed = failIds(topology, flags.fail);
  const width = flags.width ?? io.columns ?? defaultWidth;
  const layout = layoutTopology(topology, { width, ascii: flags.ascii });
  const lines = renderDiagram(layout, { failed }, { ascii: flags.ascii });
  io.stdout(`${flags.ascii ? topology.title.replace(/[^\x20-\x7e]/g, '?') : topology.title}\n\n`);
  io.stdout(ansiLines(lines, flags.color));
  return 0;
};
