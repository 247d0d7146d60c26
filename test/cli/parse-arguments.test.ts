import { describe, expect, it } from 'vitest';
import { meowParse, parse } from '../../source/cli.js';

/** Command lines without a flag, as people type them. */
const flagless = [[], ['4'], ['high-availability'], ['print', '1'], ['trace', 'topologies/3-scaled.yaml'], ['compare', '0', '2', '4'], ['list'], ['a=b'], ['play', '0-simple-one-server']];

describe('the command line without a flag', () => {
  it.each(flagless.map((argv) => [argv.join(' ') || '(nothing)', argv] as const))('%s reads as meow reads it', async (_, argv) => {
    const fast = await parse(argv);
    const slow = await meowParse(argv);
    expect({ input: fast.input, flags: fast.flags }).toEqual({ input: slow.input, flags: slow.flags });
  });

  it('goes to meow as soon as one argument looks like a flag', async () => {
    expect((await parse(['4', '--ascii'])).flags.ascii).toBe(true);
    expect((await parse(['--', '4'])).input).toEqual(['4']);
    expect((await parse(['print', '1', '--width', '-1'])).flags.width).toBe(-1);
  });
});
