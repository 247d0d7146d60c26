import type { Command, Flags, Io } from '../../source/commands/context.js';

/** Flags as the CLI passes them when none is given. */
export const noFlags: Flags = {
  ascii: false,
  color: false,
  width: undefined,
  json: false,
  request: undefined,
  fail: undefined,
  after: undefined,
  count: undefined,
  client: undefined,
  format: undefined,
  out: undefined,
  check: false,
  qps: undefined,
  duration: undefined,
  mix: undefined,
  at: [],
  seed: undefined,
  print: false,
  record: undefined,
};

/** An Io that records what a command prints. */
export function fakeIo(options: { tty?: boolean; columns?: number; cwd?: string } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = {
    stdout: (text) => void out.push(text),
    stderr: (text) => void err.push(text),
    stdoutIsTTY: options.tty ?? false,
    stdinIsTTY: false,
    columns: options.tty ? (options.columns ?? 80) : undefined,
    rows: options.tty ? 24 : undefined,
    cwd: options.cwd ?? process.cwd(),
    asciiOnly: false,
    colourDepth: options.tty ? 8 : 1,
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}

/** Runs a sub-command in-process with fake I/O, as the CLI would, and captures its output. */
export async function runCommand(command: Command, args: string[], flags: Partial<Flags> = {}): Promise<{ code: number; out: string; err: string }> {
  const { io, stdout, stderr } = fakeIo();
  const code = await command({ args, flags: { ...noFlags, ...flags }, io });
  return { code, out: stdout(), err: stderr() };
}
