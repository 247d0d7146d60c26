import { parseRequest } from '../../sim/index.js';
import { completeCommandLine } from '../commands/complete-command-line.js';
import { composerItems } from '../commands/composer-items.js';
import { keyInvocation } from '../commands/key-invocation.js';
import { lineContext } from '../commands/line-context.js';
import { editLine, type LineKey } from '../commands/line-editor.js';
import { parseCommandLine } from '../commands/parse-command-line.js';
import { runInvocation, type RunContext } from '../commands/run-invocation.js';
import { activeKeyMaps } from './active-maps.js';
import { globalKeys } from './global-keys.js';
import { resolveKey } from './key-map.js';

const terminalKeys = new Set(['ctrl-c', 'ctrl-l', 'ctrl-z']);

/** A key press: its canonical name (if it has one) and the raw text (a paste arrives whole). */
export interface Press {
  readonly name: string | undefined;
  readonly input: string;
}

export interface RouteContext extends RunContext {
  /** False while the terminal is too small to draw the app: only the global keys work. */
  readonly usable: boolean;
}

/**
 * Sends one key press where the current state says it belongs: the command line while it is
 * open, the request composer while it is, the answer while a question is asked, else the key maps in force. Reads the store at the moment of the key, so keys typed faster
 * than the screen redraws are routed by the state the previous key left, never a stale one.
 */
export function routeKey(press: Press, context: RouteContext): void {
  const { store } = context;
  const state = store.getState();
  // Keys about the terminal itself work wherever the user is, the command line included.
  if (press.name !== undefined && terminalKeys.has(press.name)) {
    const binding = resolveKey([globalKeys], press.name);
    const invocation = binding && keyInvocation(binding, press.name);
    if (invocation) runInvocation(invocation, context);
    return;
  }
  if (state.overlay === 'command') {
    lineKey(press, context);
    return;
  }
  if (state.overlay === 'composer') {
    composerKey(press, context);
    return;
  }
  if (state.overlay === 'confirm') {
    store.dispatch({ type: 'confirm', yes: press.name === 'y' });
    return;
  }
  if (press.name === undefined) return;
  const binding = resolveKey(context.usable ? activeKeyMaps(state) : [globalKeys], press.name);
  if (!binding || binding.native) return;
  const invocation = keyInvocation(binding, press.name);
  if (invocation) runInvocation(invocation, context);
}

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
  if (press.name === 'esc') return store.dispatch({ type: 'overlay', overlay: 'none' });
  if (press.name === 'enter') return submit(line.text, context);
  if (press.name === 'tab') {
    const completion = completeCommandLine(line.text, lineContext(store.getState()));
    const candidates = completion.candidates.length > 1 ? completion.candidates : [];
    return store.dispatch({ type: 'line', line: { text: completion.text, cursor: completion.text.length, candidates } });
  }
  const edit = press.name === undefined ? undefined : editingKeys[press.name];
  if (edit) return store.dispatch({ type: 'line', line: editLine(line, edit) });
  if (press.name !== undefined && press.name.length > 1 && press.name !== 'space') return;
  store.dispatch({ type: 'line', line: editLine(line, { text: press.input }) });
}

function submit(text: string, context: RouteContext): void {
  const { store } = context;
  store.dispatch({ type: 'overlay', overlay: 'none' });
  if (text.trim() === '') return;
  const parsed = parseCommandLine(text, lineContext(store.getState()));
  if (parsed.ok) runInvocation(parsed.invocation, context);
  else store.dispatch({ type: 'message', message: { text: parsed.message, level: 'error' } });
}

/** The composer: ↑↓/jk move, Enter or Space sends, a digit sends that entry, Esc closes. */
function composerKey(press: Press, context: RouteContext): void {
  const { store } = context;
  const state = store.getState();
  const items = state.design ? composerItems(state.design.topology) : [];
  const move = { up: -1, k: -1, down: 1, j: 1 } as const;
  const name = press.name ?? '';
  if (name === 'esc') return store.dispatch({ type: 'overlay', overlay: 'none' });
  if (name in move) return store.dispatch({ type: 'composer-move', delta: move[name as keyof typeof move], count: items.length });
  const picked = name === 'enter' || name === 'space' ? state.composer : /^[1-9]$/.test(name) ? Number(name) - 1 : undefined;
  const item = picked === undefined ? undefined : items[picked];
  if (!item) return;
  if (item.request === null) return store.dispatch({ type: 'overlay', overlay: 'command', draft: 'send ' });
  store.dispatch({ type: 'overlay', overlay: 'none' });
  runInvocation({ command: 'send', request: parseRequest(item.request), text: item.request }, context);
}
