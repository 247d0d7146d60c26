import { loadBuiltin } from '../../source/model/load-builtins.js';
import type { CommandContext } from '../../source/ui/commands/command-spec.js';
import { commandContext } from '../../source/ui/commands/run-command.js';
import type { Action } from '../../source/ui/state/actions.js';
import { appReducer } from '../../source/ui/state/app-reducer.js';
import { initialAppState } from '../../source/ui/state/app-state.js';

/** What a command sees with a built-in design open (after `actions`), or on the home screen. */
export function contextOf(design: string | null, ...actions: readonly Action[]): CommandContext {
  const opened: Action[] = design === null ? [] : [{ type: 'open-design', topology: loadBuiltin(design) }];
  return commandContext([...opened, ...actions].reduce(appReducer, initialAppState(1)), { boxes: [] });
}
