import { appReducer } from '../ui/state/app-reducer.js';
import { initialAppState } from '../ui/state/app-state.js';
import type { Action } from '../ui/state/actions.js';
import { appHeap } from './app-heap.js';
import { UsageError, type Command } from './context.js';
import { builtinScenarios, loadScenario } from './load-scenario.js';
import { playReport } from './play-print.js';

/**
 * `infra-tui play <scenario> [--print]`: plays a scenario (a file, or a built-in one by name) in
 * the app, step by step; with `--print`, or when stdin or stdout is not a terminal, prints each
 * step and what the engine answered instead. A bad file: one line per problem, exit 2.
 */
export const playCommand: Command = async ({ args, flags, io }) => {
  const [arg, ...extra] = args;
  if (arg === undefined) throw new UsageError(`play needs a scenario: a .yaml file or one of ${builtinScenarios().join(', ')}`);
  if (extra.length > 0) throw new UsageError(`play takes one scenario, not also "${extra.join(' ')}"`);
  const { scenario, designs } = await loadScenario(arg, io.cwd);
  const open: Action = { type: 'scenario-open', scenario, designs };
  if (flags.print || !io.stdinIsTTY || !io.stdoutIsTTY) {
    io.stdout(playReport(appReducer(initialAppState(scenario.seed), open), flags.width ?? io.columns ?? 100));
    return 0;
  }
  const size = scenario.size;
  // A larger terminal shows the recorded screens (laid out at the recorded size); a smaller one cannot.
  if (size && (size.columns > (io.columns ?? 0) || size.rows > (io.rows ?? 0))) {
    io.stderr(`infra-tui: recorded at ${size.columns}×${size.rows}; this terminal is ${io.columns ?? '?'}×${io.rows ?? '?'}, so the screens will be laid out differently\n`);
  }
  appHeap();
  const { runApp } = await import('../ui/run-app.js');
  const { interactiveEnv } = await import('./interactive.js');
  return runApp({ topology: undefined, start: open, env: interactiveEnv(io), color: flags.color, ascii: flags.ascii, seed: scenario.seed });
};
