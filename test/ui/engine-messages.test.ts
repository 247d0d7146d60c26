import { describe, expect, it } from 'vitest';
import { builtinIds } from '../../source/model/builtin-ids.js';
import { loadBuiltin } from '../../source/model/load-builtins.js';
import { createSim, step, topologyIndex, type SimInput, type SimState } from '../../source/sim/index.js';
import { describeInput, describeLiveInput, refuse } from '../../source/ui/state/engine-messages.js';

/** Every reply the footer gives to failing, hanging and healing a part of a built-in design, stepped and live. */
function replies(): { design: string; text: string }[] {
  const out: { design: string; text: string }[] = [];
  const say = (design: string, before: SimState, input: SimInput) => {
    if (refuse(before, input) !== undefined) return;
    out.push({ design, text: describeInput(before, input) }, { design, text: describeLiveInput(before, input) });
  };
  for (const design of builtinIds) {
    const sim = createSim(loadBuiltin(design), { seed: 1 });
    for (const id of topologyIndex(sim.topology).failable) {
      say(design, sim, { type: 'fail', id });
      say(design, sim, { type: 'hang', id });
      say(design, step(sim, { type: 'fail', id }).state, { type: 'heal', id });
    }
  }
  return out;
}

describe("the footer's reply to a failure", () => {
  // The message row is one line: at 80 columns anything past 79 characters is cut off.
  it('fits an 80-column terminal for every part of every built-in design', () => {
    const all = replies();
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((r) => [...r.text].length > 79)).toEqual([]);
  });

  it('tells what notices the failure, from the engine: a dead app server behind Nginx in design 2 is seen by the HTTP check', () => {
    const sim = createSim(loadBuiltin('2'), { seed: 1 });
    expect(describeInput(sim, { type: 'fail', id: 'app-1' })).toBe('app-1 is down: + lets time pass so health checks can notice');
    const one = createSim(loadBuiltin('1'), { seed: 1 });
    expect(describeInput(one, { type: 'fail', id: 'app-1' })).toBe('app-1 is down: nothing stands in; what needs it fails until it is back');
  });
});
