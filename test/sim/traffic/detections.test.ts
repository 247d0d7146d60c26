import { describe, expect, it } from 'vitest';
import { act, run, traffic } from './helpers.js';

describe('what the system noticed, timed against its cause', () => {
  it('a mark is timed against the last action on that server, not whatever was done since', () => {
    // A dead machine's checks time out, one every 2 × inter: DOWN comes 10–12 s after the failure.
    const down = run(act(run(traffic('4', { qps: 20 }), 2_000), { type: 'fail', id: 'web-1' }), 15_000);
    const healed = act(down, { type: 'heal', id: 'web-1' });
    const after = run(act(healed, { type: 'fail', id: 'mysql-1' }), 10_000);
    const up = after.detections.filter((d) => d.text.includes('marked nginx-1 UP'));
    expect(up.length).toBeGreaterThan(0);
    for (const d of up) expect(d.text).toMatch(/s after heal web-1$/);
    const promoted = after.detections.find((d) => d.text.includes('became the primary'));
    expect(promoted?.text).toMatch(/s after fail mysql-1$/);
  });
});
