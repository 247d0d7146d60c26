import type { FailureState } from '../model/failure-looks.js';
import { InputError } from './input-error.js';
import { parseName, type NameKind, type Names } from './names.js';

/**
 * The ways a part can be failed as typed, `id` or `id:<mode>`: the mode's suffix, which names
 * accept it, the engine input it becomes and the state it leaves the part in (how that state is
 * shown is its row in model/failure-looks.ts). A new failure mode is one row here.
 */
export const failureModes = {
  down: { suffix: '', accepts: 'ids', input: 'fail', state: 'down' },
  hang: { suffix: 'hang', accepts: 'hangable', input: 'hang', state: 'hung' },
} as const satisfies Record<string, { suffix: string; accepts: NameKind; input: 'fail' | 'hang'; state: FailureState }>;
type FailureMode = keyof typeof failureModes;
type FailureInput = (typeof failureModes)[FailureMode]['input'];

/** The state each failing input leaves a part in. */
export const stateAfter = Object.fromEntries(Object.values(failureModes).map((m) => [m.input, m.state])) as Readonly<Record<FailureInput, FailureState>>;

/** Whether an engine input is one that fails a part (some failure mode's input). */
export const isFailureInput = <T extends { readonly type: string }>(input: T): input is Extract<T, { type: FailureInput }> => Object.hasOwn(stateAfter, input.type);

/** One failure as typed: a part and how it fails. */
export interface FailureSpec {
  readonly id: string;
  readonly mode: FailureMode;
}

const modes = Object.entries(failureModes) as [FailureMode, (typeof failureModes)[FailureMode]][];
const FORM = `write an id or ${modes.filter(([, m]) => m.suffix).map(([, m]) => `id:${m.suffix}`).join(', ')} (hang: an app server or database that stops answering)`;

/** `server-1` (down) or `app-1:hang`, checked against the design's names. */
export function parseFailure(text: string, names: Names): FailureSpec {
  const [id = '', suffix = '', extra] = text.trim().split(':');
  const found = modes.find(([, m]) => m.suffix === suffix);
  if (!found || extra !== undefined) throw new InputError(`"${text}" is not a failure: ${FORM}`);
  const [mode, spec] = found;
  parseName(id, names, spec.accepts);
  return { id, mode };
}

/**
 * A comma-separated list of at least one failure (`--fail a,b:hang`), duplicates dropped; a part
 * cannot fail two ways. An empty list is refused: `--fail ''` tracing a healthy system would
 * look like an answer to a question nobody asked.
 */
export function parseFailureList(text: string, names: Names): FailureSpec[] {
  const items = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (items.length === 0) throw new InputError('name what is down, e.g. nginx-1,server-2 or app-1:hang');
  const out: FailureSpec[] = [];
  for (const item of items) {
    const f = parseFailure(item, names);
    const seen = out.find((o) => o.id === f.id);
    if (seen && seen.mode !== f.mode) throw new InputError(`${f.id} cannot be both ${failureModes[seen.mode].state} and ${failureModes[f.mode].state}`);
    if (!seen) out.push(f);
  }
  return out;
}
