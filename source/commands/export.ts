import { UsageError, type Command } from './context.js';

/** Not built yet. */
export const exportCommand: Command = () => {
  throw new UsageError('export: not available yet');
};
