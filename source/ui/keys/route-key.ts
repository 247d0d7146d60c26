import { completeCommandLine } from '../commands/complete-command-line.js';
import { editLine, recall, remember, type LineKey } from '../commands/line-editor.js';
import { parseCommandLine } from '../commands/parse-command-line.js';
import { commandContext, runIntent, type RunContext } from '../commands/run-command.js';
import { activeScopes, resolveKey } from './resolve-key.js';

/** A key press: its canonical name (if it has one) and the raw text (a paste arrives whole). */
export interface Press {
  readonly name: string | undefined;
  readonly input: string;
}

export interface RouteContext extends RunContext {
  /** False while the terminal is too small to draw the app: only the keys that work everywhere do. */
  readonly usable: boolean;
}

/**
 * Sends one key press where the current state says it belongs: the command line's editor while
 * it is open, else the command the table binds the key to in the scopes in force. Reads the
 * store at the moment of the key, so keys typed faster than the screen redraws are routed by
 * the state the previous key left, never a stale one.
 */
export function routeKey(press: Press, context: RouteContext): void {
  const { store } = context;
  const state = store.getState();
  // Keys about the terminal itself (quit, redraw, suspend) work wherever the user is, the command line included.
  const terminal = press.name === undefined ? undefined : resolveKey(['terminal'], press.name);
  if (terminal) return runIntent(terminal.command, terminal.command.onKey?.(commandContext(state, context, press.name)), context);
  // A scenario's own keys come next: its steps may hold an open list or command line.
  const scenario = press.name === undefined || !state.scenario ? undefined : resolveKey(['scenario'], press.name);
  if (scenario) return runIntent(scenario.command, scenario.command.onKey?.(commandContext(state, context, press.name)), context);
  if (state.overlay === 'command') return lineKey(press, context);
  // A question is answered by any key: y is yes, everything else no.
  if (state.overlay === 'confirm') return store.dispatch({ type: 'confirm', yes: press.name === 'y' });
  if (press.name === undefined) return;
  const bound = resolveKey(context.usable ? activeScopes(state) : ['everywhere'], press.name);
  if (!bound || bound.binding.native || !bound.command.onKey) return;
  if (bound.command.needsDesign && !state.design) return runIntent(bound.command, undefined, context);
  runIntent(bound.command, bound.command.onKey(commandContext(state, context, press.name)), context);
}

/** Editing keys of the command line (the rest of its keys are in the command table, scope `line`). */
const editingKeys: Readonly<Record<string, LineKey>> = {
  left: 'left',
  right: 'right',
  backspace: 'backspace',
  'ctrl-a': 'home',
  'ctrl-e': 'end',
  'ctrl-u': 'ctrl-u',
  'ctrl-w': 'ctrl-w',
};

function lineKey(press: Press, context: RouteContext): void {
  const { store } = context;
  const line = store.getState().line;
  switch (press.name) {
    case 'esc':
      return store.dispatch({ type: 'overlay', overlay: 'none' });
    case 'enter':
      return submit(context);
    case 'up':
    case 'down':
      return store.dispatch({ type: 'line', line: recall(line, press.name === 'up' ? -1 : 1) });
    case 'tab': {
      const completion = completeCommandLine(line.text, commandContext(store.getState(), context));
      const candidates = completion.candidates.length > 1 ? completion.candidates : [];
      return store.dispatch({ type: 'line', line: { ...line, text: completion.text, cursor: completion.text.length, candidates } });
    }
  }
  const edit = press.name === undefined ? undefined : editingKeys[press.name];
  if (edit) return store.dispatch({ type: 'line', line: editLine(line, edit) });
  if (press.name !== undefined && press.name.length > 1 && press.name !== 'space') return;
  store.dispatch({ type: 'line', line: editLine(line, { text: press.input }) });
}

/** Enter: the line goes into the history and closes, then its command runs (or says what is wrong). */
function submit(context: RouteContext): void {
  const { store } = context;
  const { text } = store.getState().line;
  store.dispatch({ type: 'line', line: remember(store.getState().line) });
  store.dispatch({ type: 'overlay', overlay: 'none' });
  if (text.trim() === '') return;
  const parsed = parseCommandLine(text, commandContext(store.getState(), context));
  if (parsed.ok) runIntent(parsed.command, parsed.intent, context);
  else store.dispatch({ type: 'message', message: { text: parsed.message, level: 'error' } });
}
