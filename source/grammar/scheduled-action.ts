import type { ScheduledAction } from '../sim/index.js';
import { parseDuration } from './duration.js';
import { InputError } from './input-error.js';
import { limits } from './limits.js';
import type { Names } from './names.js';
import { isVerb, verbs } from './verbs.js';

const FORM = `write "<time> <action>", e.g. "5s fail server-1"; actions: ${Object.values(verbs).map((v) => v.form).join(', ')}`;

/**
 * One scripted action as typed, `5s fail server-1`: a time from the start of the run and one of
 * the verbs the `:` line takes, parsed by the same code. Throws an InputError.
 */
export function parseScheduledAction(spec: string, names: Names): ScheduledAction {
  const [time, verb, ...rest] = spec.trim().split(/\s+/);
  if (time === undefined || time === '' || verb === undefined) throw new InputError(`"${spec}" is not an action: ${FORM}`);
  const at = parseDuration(time, { min: 0, max: limits.runMs });
  if (!isVerb(verb)) throw new InputError(`"${verb}" is not an action: ${FORM}`);
  return { at, input: verbs[verb].parse(rest, names), text: [verb, ...rest].join(' ') };
}
