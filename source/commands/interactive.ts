import { layoutTopology, renderDiagram, toPlainText } from '../layout/diagram.js';
import { builtins } from '../model/load-builtins.js';
import { loadTopology } from '../model/load-topology.js';
import { runApp } from '../ui/run-app.js';
import { UsageError, type Command } from './context.js';

/** What a non-terminal gets for the home screen: there is nothing to draw without a design. */
const NEEDS_TERMINAL = 'infra-tui: the interactive app needs a terminal; try "infra-tui list" or "infra-tui print 1"\n';

/**
 * `infra-tui [topology]`: the interactive app, on the home screen or on one design. When stdin
 * or stdout is not a terminal there is no app to run: with a topology it prints the diagram as
 * `print` does (exit 0, so `infra-tui 1 | cat` is useful); without one it explains in one line
 * on stderr and exits 2, a usage error: it was asked for something that cannot work here.
 */
export const interactiveCommand: Command = async ({ args, flags, io }) => {
  if (args.length > 1) throw new UsageError(`one topology at a time, not ${args.length}: infra-tui [number, id or file]`);
  const arg = args[0];
  const topology = arg === undefined ? undefined : loadTopology(arg, io.cwd);
  if (!io.stdinIsTTY || !io.stdoutIsTTY) {
    if (!topology) {
      io.stderr(NEEDS_TERMINAL);
      return 2;
    }
    const layout = layoutTopology(topology, { width: flags.width ?? io.columns ?? 100, ascii: flags.ascii });
    io.stdout(`${toPlainText(renderDiagram(layout, {}, { ascii: flags.ascii }))}\n`);
    return 0;
  }
  return runApp({
    topology,
    env: { loadTopology: (name) => loadTopology(name, io.cwd), designs: builtins },
    color: flags.color,
    ascii: flags.ascii,
    seed: flags.seed ?? 1,
  });
};
