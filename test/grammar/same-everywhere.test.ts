import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command, Flags } from '../../source/commands/context.js';
import { simulateCommand } from '../../source/commands/simulate.js';
import { traceCommand } from '../../source/commands/trace.js';
import { parseCommandLine } from '../../source/ui/commands/parse-command-line.js';
import { runCommand } from '../cli/fake-io.js';
import { contextOf } from '../ui/command-context.js';

const design = contextOf('1');
const traffic = contextOf('1', { type: 'traffic', to: 'on' });

/** What the command line says after the flag's name, or `ok`. */
async function cli(command: Command, flags: Partial<Flags>, flag: string): Promise<string> {
  try {
    await runCommand(command, ['1'], flags);
    return 'ok';
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return message.startsWith(`--${flag}: `) ? message.slice(flag.length + 4) : `other: ${message}`;
  }
}

/** What the `:` line says after the command word, or `ok`. */
function app(text: string, context = design): string {
  const r = parseCommandLine(text, context);
  if (r.ok) return r.intent.type === 'message' ? `other: ${r.intent.message.text}` : 'ok';
  const word = text.split(' ')[0] ?? '';
  return r.message.startsWith(`${word}: `) ? r.message.slice(word.length + 2) : `other: ${r.message}`;
}

/** A word as people mistype it: no spaces (the `:` line splits on them), no commas (lists). */
const word = fc.oneof(fc.stringMatching(/^[-a-z0-9.:]{1,12}$/), fc.constantFrom('app-1:hang', 'nginx-1:hang', 'server-9', '1e3', '-1', '0.5', '100001', '30:50:20'));

describe('the same value typed on the command line and after : gets the same answer', () => {
  it('failures: --fail and :fail', async () => {
    await fc.assert(fc.asyncProperty(word, async (text) => {
      expect(app(`fail ${text}`)).toBe(await cli(traceCommand, { fail: text }, 'fail'));
    }), { numRuns: 60 });
  });

  it('rates: --qps and :qps', async () => {
    await fc.assert(fc.asyncProperty(word, async (text) => {
      const said = await cli(simulateCommand, { qps: text, duration: '1s' }, 'qps');
      expect(app(`qps ${text}`, traffic)).toBe(said);
    }), { numRuns: 60 });
  });

  it('mixes: --mix and :mix', async () => {
    await fc.assert(fc.asyncProperty(word, async (text) => {
      expect(app(`mix ${text}`, traffic)).toBe(await cli(simulateCommand, { mix: text, duration: '1s' }, 'mix'));
    }), { numRuns: 60 });
  });

  it('requests: --request and :send', async () => {
    for (const text of ['GET /', 'FETCH /', 'TCP 1.2.3.4:99999', 'GET nowhere', 'POST /signup', 'TCP 8.8.8.11:3306']) {
      expect(app(`send ${text}`), text).toBe(await cli(traceCommand, { request: text }, 'request'));
    }
  });

  it('durations that are not durations: --after and :advance say the same; each use keeps its own bound', async () => {
    await fc.assert(fc.asyncProperty(word.filter((t) => !/^\d+(\.\d+)?(ms|s|m|h)$/.test(t)), async (text) => {
      expect(app(`advance ${text}`)).toBe(await cli(traceCommand, { after: text }, 'after'));
    }), { numRuns: 60 });
    expect(app('advance 2h')).toBe('2h is too long: at most 1h');
    expect(await cli(traceCommand, { after: '25h' }, 'after')).toBe('25h is too long: at most 24h');
    expect(await cli(simulateCommand, { duration: '25h' }, 'duration')).toBe('25h is too long: at most 24h');
  });
});
