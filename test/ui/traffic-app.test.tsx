import { cleanup } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { renderApp } from './render-app.js';

afterEach(() => cleanup());

const ENTER = '\r';

describe('traffic mode in the app', () => {
  it('starts with T, runs the clock on its own, pauses with p, steps a second with Space, leaves with T', async () => {
    const { waitFor, press, store } = renderApp({ design: '1' });
    await waitFor('EXPLORE');
    await press('T');
    const frame = await waitFor('TRAFFIC 100 QPS 1×');
    expect(frame).toContain('p play');
    await waitFor((f) => /total +[1-9]\d* sent/.test(f));
    const before = store.getState().design?.traffic?.state.sim.now ?? 0;
    await waitFor(() => (store.getState().design?.traffic?.state.sim.now ?? 0) >= before + 200);
    await press('p');
    await waitFor('TRAFFIC 100 QPS PAUSED');
    const paused = store.getState().design?.traffic?.state.sim.now ?? 0;
    await press(' ');
    await waitFor(() => store.getState().design?.traffic?.state.sim.now === paused + 1000);
    await press('T');
    await waitFor('traffic mode left');
  });

  it('takes traffic commands from the command line and answers bad values in the footer', async () => {
    const { waitFor, press } = renderApp({ design: '1' });
    await waitFor('EXPLORE');
    await press(':', ...'qps 500', ENTER);
    await waitFor('qps works on live traffic: T (or :traffic on) enters traffic mode first');
    await press('T');
    await waitFor('TRAFFIC 100 QPS');
    await press(':', ...'qps 500', ENTER);
    await waitFor('TRAFFIC 500 QPS');
    await press(':', ...'speed 3x', ENTER);
    await waitFor('usage: speed pause|1x|10x|100x');
    await press('+');
    await waitFor('TRAFFIC 1000 QPS');
  });

  it("shows design 0's empty monitoring view and its log", async () => {
    const { waitFor, press } = renderApp({ design: '0' });
    await waitFor('EXPLORE');
    await press('m');
    await waitFor('monitoring (m) works on live traffic');
    await press('T', 'm');
    await waitFor('No monitoring: no host runs an agent');
    await press('e');
    await waitFor((f) => /Log: \d+ lines/.test(f));
  });

  it('opens the wire view with w and Tab-completed ids', async () => {
    const { waitFor, press } = renderApp({ design: '1' });
    await waitFor('EXPLORE');
    await press('w', ...'brow', '\t', ...'hap', '\t', ENTER);
    const frame = await waitFor('On the wire between browser and haproxy-1');
    expect(frame).toContain('GET / HTTP/1.1');
  });
});
