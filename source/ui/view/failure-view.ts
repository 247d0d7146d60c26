import { failureLooks, failureStates, type FailureState } from '../../model/failure-looks.js';

/**
 * What the diagram shows of parts in failure states, as the failure table says to draw each:
 * the ids drawn failed, and the marks of the others (the first mark of an id wins).
 * Shared by the app and `print`, so both draw a state alike.
 */
export function failureView(states: Iterable<readonly [string, FailureState]>): { failed: string[]; marks: Record<string, string> } {
  const failed: string[] = [];
  const marks: Record<string, string> = {};
  for (const [id, state] of states) {
    const look = failureLooks[state];
    if (look.diagram === 'failed') failed.push(id);
    else marks[id] ??= look.symbol;
  }
  return { failed, marks };
}

/** "✗ down: a, b" when `listed`, else "✗ 2 down"; empty when `ids` is. The header's and `print`'s words. */
export function failureList(state: FailureState, ids: readonly string[], symbol: string, listed: boolean): string {
  if (ids.length === 0) return '';
  const { word } = failureLooks[state];
  return listed ? `${symbol} ${word}: ${ids.join(', ')}` : `${symbol} ${ids.length} ${word}`;
}

/** Every state's list, in table order, for `print`'s line under the title (empty when nothing failed). */
export function failureLine(states: readonly (readonly [string, FailureState])[], ascii: boolean): string {
  const list = ([state, look]: (typeof failureStates)[number]) => failureList(state, states.filter(([, s]) => s === state).map(([id]) => id), ascii ? look.ascii : look.symbol, true);
  return failureStates.map(list).filter(Boolean).join('   ');
}
