import { describe, expect, it } from 'vitest';
import { asciiOnly } from '../../source/commands/terminal-traits.js';

describe('asciiOnly', () => {
  it.each([
    [{ LANG: 'C' }, true],
    [{ LANG: 'POSIX' }, true],
    [{ LANG: 'en_US.ISO-8859-1' }, true],
    [{ LANG: 'en_US.UTF-8' }, false],
    [{ LANG: 'C.utf8' }, false],
    // POSIX precedence: LC_ALL over LC_CTYPE over LANG; an empty one does not count.
    [{ LANG: 'en_US.UTF-8', LC_ALL: 'C' }, true],
    [{ LANG: 'C', LC_CTYPE: 'en_GB.UTF-8' }, false],
    [{ LANG: 'en_US.UTF-8', LC_CTYPE: 'C' }, true],
    [{ LANG: 'C', LC_ALL: '' , LC_CTYPE: 'C.UTF-8' }, false],
    [{ LANG: 'C.UTF-8', TERM: 'dumb' }, true],
    [{ LANG: 'C.UTF-8', TERM: 'vt100' }, true],
    [{ LANG: 'C.UTF-8', TERM: 'vt220' }, true],
    [{ LANG: 'C.UTF-8', TERM: 'xterm-256color' }, false],
    [{ LANG: 'C.UTF-8', TERM: 'screen' }, false],
    [{ LANG: 'C.UTF-8', TERM: 'tmux-256color' }, false],
    // Nothing to go by: Unicode, as the terminal of a bare container or CI job is the host's.
    [{}, false],
  ])('%o → %s', (env, expected) => {
    expect(asciiOnly(env)).toBe(expected);
  });
});
