import { UsageError, type Command } from './context.js';

/** Not built yet. */
export const printCommand: Command = () => {
  throw new UsageError('print: not available yet');
};
