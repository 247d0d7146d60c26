import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ptySessions } from '../e2e/pty-session.js';
import { SshScreen } from './ssh-screen.js';

const session = ptySessions();

describe('the operator console of infra-tui serve', () => {
  it('keeps its cursor and its screen while sessions draw: each frame goes to its own session only', async () => {
    const hostKey = join(mkdtempSync(join(tmpdir(), 'infra-tui-console-')), 'host_key');
    const console = session({ command: process.execPath, args: [CLI, 'serve', '--port', '0', '--host-key', hostKey], columns: 100, rows: 30 });
    const port = Number(/listening on 127\.0\.0\.1:(\d+)/.exec(await console.waitFor(/listening on 127\.0\.0\.1:\d+/, 15_000))?.[1]);
    const student = await SshScreen.login(port);
    await student.waitFor('Pick a design');
    await student.press('1');
    await student.waitFor('distributed');
    await student.quiet();
    student.end();
    await student.closed;
    await console.waitFor(/disconnect #1/);
    expect(console.output).not.toContain('\x1b[?25l');
    expect(console.cursorVisible).toBe(true);
    expect(console.inAlternateScreen).toBe(false);
    expect(student.raw).toContain('\x1b[?25l');
    await console.press('\x03');
    expect(await console.exit()).toBe(0);
  }, 40_000);
});
