import { UsageError, type Command } from './context.js';

/** Not built yet. */
export const simulateCommand: Command = () => {
  throw new UsageError('simulate: not available yet');
};
