import { layoutTopology, renderDiagram } from '../layout/index.js';
import { failureModes } from '../grammar/failure.js';
import { failureLine, failureView } from '../ui/view/failure-view.js';
import { ansiLines } from './ansi-lines.js';
import type { Command } from './context.js';
import { parseFailures, topologyArg } from './shared-flags.js';

/** The page width when stdout is not a terminal and no --width is given. */
const defaultWidth = 100;

/**
 * `infra-tui print <topology>`: the diagram as text, no line wider than `--width` (default: the
 * terminal's width, or 100 when stdout is not a terminal). `--fail` marks components or hosts
 * down (`app-1:hang`: hung), drawn as the app draws them and listed under the title; colour only on a terminal with colour on; `--ascii` gives 7-bit characters.
 */
export const printCommand: Command = async (context) => {
  const { flags, io } = context;
  const topology = await topologyArg(context, 'print');
  const failures = parseFailures(flags.fail, topology);
  const states = failures.map((f) => [f.id, failureModes[f.mode].state] as const);
  const width = flags.width ?? io.columns ?? defaultWidth;
  const layout = layoutTopology(topology, { width, ascii: flags.ascii });
  const lines = renderDiagram(layout, failureView(states), { ascii: flags.ascii });
  const failed = failureLine(states, flags.ascii);
  io.stdout(`${flags.ascii ? topology.title.replace(/[^\x20-\x7e]/g, '?') : topology.title}\n${failed && `${failed}\n`}\n`);
  io.stdout(ansiLines(lines, flags.color));
  return 0;
};
