/** Runs a sub-command in-process with fake I/O, as the CLI would, and captures its output. */
import type { Command, Flags } from '../../source/commands/context.js';

export const defaultFlags: Flags = {
  ascii: false, color: false, width: undefined, json: false, request: undefined, fail: undefined, after: undefined,
  count: undefined, client: undefined, format: undefined, qps: undefined, duration: undefined, mix: undefined, at: [], seed: undefined,
};

export async function runCommand(command: Command, args: string[], flags: Partial<Flags> = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io = {
    stdout: (t: string) => void (out += t),
    stderr: (t: string) => void (err += t),
    stdoutIsTTY: false, stdinIsTTY: false, columns: undefined, rows: undefined, cwd: process.cwd(),
  };
  const code = await command({ args, flags: { ...defaultFlags, ...flags }, io });
  return { code, out, err };
}
