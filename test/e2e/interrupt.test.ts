import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedYaml } from '../../bench/generate-topology.js';
import { ptySessions } from './pty-session.js';

const session = ptySessions({ columns: 120, rows: 30 });

/** A generated topology written to a file of its own, as a user's would be. */
function generatedFile(components: number): string {
  const file = join(mkdtempSync(join(tmpdir(), 'infra-tui-spof-')), `tiered-${components}.yaml`);
  writeFileSync(file, generatedYaml('tiered', components));
  return file;
}

/** Interrupts `s` with a key or a signal; it must end with `code` within 3 s. */
async function interrupt(s: ReturnType<typeof session>, how: string, code: number): Promise<void> {
  const asked = Date.now();
  if (how.startsWith('SIG')) s.kill(how);
  else await s.press(how);
  expect(await s.exit(5000)).toBe(code);
  expect(Date.now() - asked).toBeLessThan(3000);
}

/**
 * The longest work a user can start, interrupted: the terminal must come back at once. Under
 * a loaded machine the work only gets longer, so these never race the work's end.
 */
describe('long work can always be stopped', () => {
  it.each([
    ['Ctrl-C', '\x03', 130],
    ['SIGTERM', 'SIGTERM', 143],
  ])('simulate at the work limit: a progress bar on stderr after a second; %s stops it with the line cleared', async (_, how, code) => {
    const s = session({ args: ['simulate', '4', '--qps', '100000', '--duration', '5h'] });
    await s.waitFor(/simulating \[#*\.*\] \d+ %/, 15_000);
    await interrupt(s, how, code);
    expect(s.screen()).not.toContain('simulating');
  });

  it.each([
    ['Ctrl-C', '\x03', 0],
    ['SIGTERM', 'SIGTERM', 143],
  ])('the app analysing the SPOFs of 1,000 components: the footer shows progress, Esc stops it, %s ends the app during it', async (_, how, code) => {
    const file = generatedFile(1_000);
    const s = session({ args: [file] });
    await s.waitFor('Generated tiered topology', 30_000);
    await s.press('x');
    await s.waitFor(/analysing \d+ single failures: \d+ % \(Esc stops\)/);
    await s.press('\x1b');
    await s.waitFor(/SPOF analysis stopped after \d+ of \d+ failures: x goes on from there/, 5000);
    await s.press('x');
    await s.waitFor(/analysing \d+ single failures/);
    await interrupt(s, how, code);
    expect(s.inAlternateScreen).toBe(false);
  });

  it('spof on a topology of 2,000 components: a progress bar on stderr after a second; Ctrl-C stops it with the line cleared', async () => {
    const file = generatedFile(2_000);
    const s = session({ args: ['spof', file] });
    await s.waitFor(/analysing failures \[#*\.*\] \d+ %/, 30_000);
    await interrupt(s, '\x03', 130);
    expect(s.screen()).not.toContain('analysing');
  });

  it('the app advancing an hour of traffic: a spinner in the footer, Esc stops it where it is, keys work again', async () => {
    const s = session({ args: ['4'] });
    await s.waitFor('high-availability');
    await s.press('T');
    await s.waitFor(/traffic mode on/);
    await s.command('qps 50000');
    await s.command('advance 1h', /advancing 1h of traffic: \d+ % \(Esc stops\)/);
    await s.press('\x1b');
    await s.waitFor(/stopped after .+ of 1h: the clock stays there/, 5000);
    await s.press('?');
    await s.waitFor(/Esc close help/);
  });

  it.each([
    ['Ctrl-C', '\x03', 0],
    ['SIGTERM', 'SIGTERM', 143],
    ['SIGINT', 'SIGINT', 130],
  ])('the app advancing an hour of traffic: %s ends it at once, terminal restored', async (_, how, code) => {
    const s = session({ args: ['4'] });
    await s.waitFor('high-availability');
    await s.press('T');
    await s.waitFor(/traffic mode on/);
    await s.command('advance 1h', /advancing 1h of traffic/);
    await interrupt(s, how, code);
    expect(s.inAlternateScreen).toBe(false);
    expect(s.cursorVisible).toBe(true);
  });
});
