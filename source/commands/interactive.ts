import { UsageError, type Command } from './context.js';

/** Not built yet. */
export const interactiveCommand: Command = () => {
  throw new UsageError('interactive: not available yet');
};
