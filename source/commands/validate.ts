import { UsageError, type Command } from './context.js';

/** Not built yet. */
export const validateCommand: Command = () => {
  throw new UsageError('validate: not available yet');
};
