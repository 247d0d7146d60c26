import { TopologyError } from '../model/errors.js';
import { inert } from '../model/plain-text.js';
import type { Io } from './context.js';
import { UsageError } from './context.js';

/**
 * What a command's error becomes: its lines on stderr and the exit code. A bad topology file
 * prints every problem, one per line, and a usage mistake one `infra-tui:` line (both exit 2);
 * anything else is a runtime failure, one line without a stack trace (exit 1).
 */
export function reportCommandError(error: unknown, io: Pick<Io, 'stderr'>): number {
  if (error instanceof TopologyError) {
    for (const problem of error.problems) io.stderr(`${problem}\n`);
    return 2;
  }
  if (error instanceof UsageError) {
    io.stderr(`infra-tui: ${error.message}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`infra-tui: unexpected error: ${inert(message.split('\n')[0] ?? '')}\n`);
  return 1;
}
