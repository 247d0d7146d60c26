import { spawnSync } from 'node:child_process';
import { it } from 'vitest';

/** A system program some tests run, and how to install it. */
export interface Tool {
  /** The program, as found on PATH. */
  readonly command: string;
  /** Arguments that make it print its version and exit 0 when it works. */
  readonly versionArgs: readonly string[];
  /** What to run to install it, for the message. */
  readonly install: string;
}

type TestBody = () => unknown;
/** Declares a test like vitest's `it` (name, body, optional timeout in ms). */
export type ToolTest = (name: string, body: TestBody, timeout?: number) => void;

const present = new Map<string, boolean>();

/** Whether the tool runs here (checked once per command). */
function hasTool(tool: Tool): boolean {
  let found = present.get(tool.command);
  if (found === undefined) {
    found = spawnSync(tool.command, [...tool.versionArgs], { stdio: 'ignore' }).status === 0;
    present.set(tool.command, found);
  }
  return found;
}

/**
 * What becomes of a test needing `tool`: it runs when the tool is there; without it, it fails
 * under CI (a check that silently skips there proves nothing) and is skipped elsewhere.
 */
export function toolTestMode(tool: Tool, env: NodeJS.ProcessEnv = process.env): 'run' | 'fail' | 'skip' {
  if (hasTool(tool)) return 'run';
  return env['CI'] ? 'fail' : 'skip';
}

/** `it` for tests that need a system tool (see toolTestMode); a skip names the install command. */
export function requiresTool(tool: Tool): ToolTest {
  const mode = toolTestMode(tool);
  if (mode === 'run') return (name, body, timeout) => it(name, body, timeout);
  const missing = `\`${tool.command}\` is not installed (${tool.install})`;
  if (mode === 'fail') {
    return (name) =>
      it(name, () => {
        throw new Error(`${missing}: this test needs it under CI`);
      });
  }
  return (name, body, timeout) => it.skip(`${name} — skipped: ${missing}`, body, timeout);
}
