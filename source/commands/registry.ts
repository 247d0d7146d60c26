import type { Command } from './context.js';
import { compareCommand } from './compare.js';
import { configCommand } from './config.js';
import { exportCommand } from './export.js';
import { interactiveCommand } from './interactive.js';
import { listCommand } from './list.js';
import { playCommand } from './play.js';
import { printCommand } from './print.js';
import { serveCommand } from './serve.js';
import { simulateCommand } from './simulate.js';
import { spofCommand } from './spof.js';
import { traceCommand } from './trace.js';
import { validateCommand } from './validate.js';

/** Every sub-command, by the word that selects it. `interactive` is what runs without one. */
export const commands = {
  list: listCommand,
  validate: validateCommand,
  print: printCommand,
  trace: traceCommand,
  spof: spofCommand,
  compare: compareCommand,
  simulate: simulateCommand,
  export: exportCommand,
  config: configCommand,
  play: playCommand,
  serve: serveCommand,
  interactive: interactiveCommand,
} satisfies Record<string, Command>;

export type CommandName = keyof typeof commands;
