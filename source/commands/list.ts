import { UsageError, type Command } from './context.js';

/** Not built yet. */
export const listCommand: Command = () => {
  throw new UsageError('list: not available yet');
};
