import { UsageError, type Command } from './context.js';

/** Not built yet. */
export const compareCommand: Command = () => {
  throw new UsageError('compare: not available yet');
};
