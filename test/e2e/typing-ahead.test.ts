import { describe, expect, it } from 'vitest';
import { ptySessions } from './pty-session.js';

const start = ptySessions();
const LEFT = '\x1b[D';
const BACKSPACE = '\x7f';

describe('keys that reach the app in one read (typed ahead, pasted, sent by a script)', () => {
  it('are each acted on, in order, escape sequences among them', async () => {
    const s = start({ args: ['1'] });
    await s.waitFor('EXPLORE');
    // One write: the command line opened, a typo, the cursor moved back over it, the typo
    // deleted, Enter. Read as one key, the chunk would be a left arrow and nothing else.
    await s.press(`:fail server-21${LEFT}${BACKSPACE}\r`);
    await s.waitFor('down: server-1');
    // The tour opened, its next slide, Esc (the tour closed) and the tour opened again: where it was left.
    await s.press('tn\x1bt');
    await s.waitFor('the tour goes on at slide 2/');
    expect(s.screen()).toContain('TOUR 2/');
    await s.press('q');
    expect(await s.exit()).toBe(0);
  });
});
