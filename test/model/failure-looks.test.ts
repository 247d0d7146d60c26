import { describe, expect, it } from 'vitest';
import { failureModes, stateAfter } from '../../source/grammar/failure.js';
import { toAscii } from '../../source/layout/index.js';
import { legendLines } from '../../source/layout/legend.js';
import { failureLooks, failureStates } from '../../source/model/failure-looks.js';
import { makeTheme } from '../../source/ui/theme.js';
import { failureView } from '../../source/ui/view/failure-view.js';

describe('the failure table', () => {
  it('has a look for every state a typed failure leaves, and no look nothing leads to', () => {
    const reached = new Set(Object.values(failureModes).map((m) => m.state));
    expect([...reached].sort()).toEqual(Object.keys(failureLooks).sort());
    expect([stateAfter.fail, stateAfter.hang]).toEqual(['down', 'hung']);
  });

  it('gives each state one cell and a 7-bit stand-in that --ascii prints', () => {
    for (const [state, look] of failureStates) {
      expect([...look.symbol], state).toHaveLength(1);
      expect(look.ascii, state).toMatch(/^[\x21-\x7e]$/);
      expect(toAscii(look.symbol, true), state).toBe(look.ascii);
      expect(makeTheme({ color: false, ascii: true }).symbols.failure[state]).toBe(look.ascii);
    }
  });

  it('draws each state as its row says, and the legend explains the symbols it lists', () => {
    expect(failureView([['a', 'down'], ['b', 'hung'], ['c', 'down']])).toEqual({ failed: ['a', 'c'], marks: { b: 'H' } });
    const legend = legendLines([], false, 200).join(' ');
    for (const [state, look] of failureStates) expect(legend.includes(`${look.symbol} ${look.word}`), state).toBe(look.legend);
    expect(legend).toContain('✗ down');
  });
});
