import { unsafeTextReason } from '../../model/plain-text.js';
import { formatRequest, type SimInput } from '../../sim/index.js';
import type { StepBody } from '../../scenario/index.js';
import type { Action } from './actions.js';
import type { AppState } from './app-state.js';

type Field = 'string' | 'number' | 'boolean' | 'object' | readonly (string | number)[];

/**
 * The actions a scenario may hold as data (`act:`), with the fields each needs: everything a
 * person can do that has no typed form. Ticks are not here (a scenario's times make them), nor
 * engine inputs or opening a design (written as the commands `fail server-1`, `goto 1`).
 */
const recordable: Readonly<Record<string, Readonly<Record<string, Field>>>> = {
  'go-home': {},
  reset: {},
  confirm: { yes: 'boolean' },
  scroll: { target: ['main', 'inspector', 'help'], spot: 'object' },
  highlight: { index: 'number' },
  'toggle-selected': {},
  'toggle-hang': {},
  promote: {},
  step: {},
  back: {},
  replay: {},
  select: { id: 'string' },
  'cycle-selection': { delta: [1, -1] },
  tour: { to: ['toggle', 'next', 'prev'] },
  'toggle-spof': {},
  'toggle-panel': {},
  'toggle-config': {},
  'toggle-groups': {},
  overlay: { overlay: ['none', 'help', 'command', 'composer', 'confirm'] },
  line: { line: 'object' },
  'composer-move': { delta: [1, -1], count: 'number' },
  escape: {},
  message: { message: 'object' },
  traffic: { to: ['on', 'off', 'toggle', 'leave'] },
  play: { to: ['toggle'] },
  'play-hop': {},
  'play-speed': {},
  'qps-step': { delta: [1, -1] },
  'speed-step': { delta: [1, -1] },
  speed: { speed: [0, 1, 10, 100] },
  qps: { qps: 'number' },
  mix: { mix: 'object' },
  deploy: {},
  view: { view: ['main', 'log', 'monitor', 'wire', 'branches'] },
  'log-filter': { filter: 'string' },
  wire: { from: 'string', to: 'string' },
  answer: { choice: 'number' },
  branch: {},
  switch: {},
  resize: { columns: 'number', rows: 'number' },
};

function fieldProblem(value: unknown, field: Field): string | undefined {
  if (Array.isArray(field)) return field.includes(value as string) ? undefined : `one of ${field.join(', ')}`;
  const kind = value === null ? 'null' : typeof value;
  return kind === field ? undefined : field === 'object' ? 'a mapping' : field === 'string' ? 'text' : `a ${field}`;
}

/** The first text anywhere in a value that the terminal would act on (an escape, a control character), said why. */
function unsafeText(value: unknown): string | undefined {
  if (typeof value === 'string') return unsafeTextReason(value, false);
  if (value === null || typeof value !== 'object') return undefined;
  for (const item of Object.values(value)) {
    const reason = unsafeText(item);
    if (reason) return reason;
  }
  return undefined;
}

/**
 * What is wrong with an action written in a scenario, or undefined when the app can apply it:
 * a type it knows, the fields that type needs, only plain text, and (given `ids`) a selection
 * the design has.
 */
export function checkRecordedAction(data: Readonly<Record<string, unknown>>, ids?: readonly string[]): string | undefined {
  const type = String(data['type']);
  const fields = recordable[type];
  if (!fields) return `"${type}" is not an action a scenario can hold; actions: ${Object.keys(recordable).join(', ')}`;
  for (const [name, field] of Object.entries(fields)) {
    const problem = fieldProblem(data[name], field);
    if (problem) return `${type}: ${name} must be ${problem}`;
  }
  const unsafe = unsafeText(data);
  if (unsafe) return `${type}: a text ${unsafe}`;
  if (type === 'resize' && !['columns', 'rows'].every((f) => Number.isInteger(data[f]) && Number(data[f]) > 0 && Number(data[f]) <= 10_000)) return 'resize: columns and rows must be whole numbers from 1 to 10000';
  if (type === 'select' && ids && !ids.includes(String(data['id']))) return `select: no component or host "${String(data['id'])}" in this design`;
  return undefined;
}

/** The action an `act:` step holds (checked when the file was read), or undefined when it is not one. */
export function recordedAction(data: Readonly<Record<string, unknown>>): Action | undefined {
  return checkRecordedAction(data) === undefined ? (data as unknown as Action) : undefined;
}

/** An engine input as typed after `:`, so a recording reads as the commands a person types. */
function inputLine(input: SimInput): string {
  switch (input.type) {
    case 'fail':
    case 'hang':
    case 'heal':
    case 'promote':
      return `${input.type} ${input.id}`;
    case 'heal-all':
      return 'heal all';
    case 'maintenance':
      return `maint ${input.lb} ${input.server} ${input.on ? 'on' : 'off'}`;
    case 'advance':
      return `advance ${input.ms}ms`;
    case 'send':
      return `send ${formatRequest(input.request)}`;
  }
}

/**
 * The step that replays an action the app applied, or undefined for what a scenario does not
 * hold (the clock's ticks, quitting). `after` is the state it led to: a move of the selection
 * is kept as the box it reached, since where "left" leads depends on the drawing; `opened`
 * names a design as `goto` takes it.
 */
export function actionStep(action: Action, after: AppState, opened: (id: string) => string): StepBody | undefined {
  switch (action.type) {
    case 'tick':
    case 'quit':
      return undefined;
    case 'open-design':
      return { kind: 'do', line: `goto ${opened(action.topology.id)}` };
    case 'engine':
      return { kind: 'do', line: inputLine(action.input) };
    case 'traffic':
      return action.to === 'on' || action.to === 'leave' ? { kind: 'do', line: `traffic ${action.to === 'on' ? 'on' : 'off'}` } : { kind: 'act', action };
    case 'move-selection':
      return after.design ? { kind: 'act', action: { type: 'select', id: after.design.selected } } : undefined;
    default:
      return { kind: 'act', action };
  }
}
