import { UsageError, type Command } from './context.js';

/** Not built yet. */
export const traceCommand: Command = () => {
  throw new UsageError('trace: not available yet');
};
