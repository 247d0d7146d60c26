import { UsageError, type Command } from './context.js';

/** Not built yet. */
export const spofCommand: Command = () => {
  throw new UsageError('spof: not available yet');
};
