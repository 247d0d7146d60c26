import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLI } from './pty-session.js';

const example = fileURLToPath(new URL('../../topologies/', import.meta.url));

/** Runs the CLI with its stdout read by nobody: the pipe is closed before it writes a byte. */
function runIntoClosedPipe(args: readonly string[]): Promise<{ code: number | null; signal: string | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], { env: { ...process.env, CI: undefined }, cwd: example });
  child.stdout.destroy();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, stderr })));
}

const commands = [['list'], ['print', '4'], ['4'], ['trace', '1', '--count', '3'], ['spof', '3'], ['compare'], ['export', '2', '--format', 'markdown'], ['simulate', '1', '--duration', '5s'], ['--help'], ['--version']];

describe('a closed pipe', () => {
  it.each(commands)('infra-tui %s into a pipe nobody reads: exit 0, nothing on stderr', async (...args) => {
    expect(await runIntoClosedPipe(args)).toEqual({ code: 0, signal: null, stderr: '' });
  });
});
