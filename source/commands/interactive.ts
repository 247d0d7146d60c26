import { builtinIdOf } from '../model/builtin-ids.js';
import { builtins, loadBuiltin } from '../model/load-builtins.js';
import { loadTopology } from '../model/load-topology.js';
import { UsageError, type Command } from './context.js';
import { printCommand } from './print.js';
import { fileSaver } from './save-file.js';

/** What a non-terminal gets for the home screen: there is nothing to draw without a design. */
const NEEDS_TERMINAL = 'infra-tui: the interactive app needs a terminal; try "infra-tui list" or "infra-tui print 1"\n';

/**
 * `infra-tui [topology]`: the interactive app, on the home screen or on one design. When stdin
 * or stdout is not a terminal there is no app to run: with a topology it prints the diagram
 * exactly as `print` does (exit 0, so `infra-tui 1 | cat` is useful); without one it explains
 * in one line on stderr and exits 2, a usage error: what was asked cannot work here, and a
 * script should notice. Ink is never started without a terminal, so its raw-mode error cannot
 * happen.
 */
export const interactiveCommand: Command = async ({ args, flags, io }) => {
  if (args.length > 1) throw new UsageError(`one topology at a time, not ${args.length}: infra-tui [number, id or file]`);
  const arg = args[0];
  if (!io.stdinIsTTY || !io.stdoutIsTTY) {
    if (arg !== undefined) return printCommand({ args: [arg], flags, io });
    io.stderr(NEEDS_TERMINAL);
    return 2;
  }
  // Loaded here, not at the top: the other commands never load React or Ink.
  const { runApp } = await import('../ui/run-app.js');
  return runApp({
    topology: arg === undefined ? undefined : await loadTopology(arg, io.cwd),
    // A built-in opens at once, so keys typed right after its number act on it, not on the home screen.
    env: { loadTopology: (name) => (builtinIdOf(name) === undefined ? loadTopology(name, io.cwd) : loadBuiltin(name)), designs: builtins, saveFile: fileSaver(io.cwd) },
    color: flags.color,
    ascii: flags.ascii,
    seed: flags.seed ?? 1,
  });
};
