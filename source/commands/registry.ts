import type { Command, CommandContext } from './context.js';

/**
 * A command whose module is loaded when it runs, not when the CLI starts: the bundle is split
 * (scripts/build.js), so starting one command reads and compiles only the code it needs, and
 * the app's first frame waits for none of the others.
 */
const onDemand =
  <M>(load: () => Promise<M>, pick: (module: M) => Command): Command =>
  async (context: CommandContext) =>
    pick(await load())(context);

/** Every sub-command, by the word that selects it. `interactive` is what runs without one. */
export const commands = {
  list: onDemand(() => import('./list.js'), (m) => m.listCommand),
  validate: onDemand(() => import('./validate.js'), (m) => m.validateCommand),
  print: onDemand(() => import('./print.js'), (m) => m.printCommand),
  trace: onDemand(() => import('./trace.js'), (m) => m.traceCommand),
  spof: onDemand(() => import('./spof.js'), (m) => m.spofCommand),
  compare: onDemand(() => import('./compare.js'), (m) => m.compareCommand),
  simulate: onDemand(() => import('./simulate.js'), (m) => m.simulateCommand),
  export: onDemand(() => import('./export.js'), (m) => m.exportCommand),
  config: onDemand(() => import('./config.js'), (m) => m.configCommand),
  play: onDemand(() => import('./play.js'), (m) => m.playCommand),
  serve: onDemand(() => import('./serve.js'), (m) => m.serveCommand),
  interactive: onDemand(() => import('./interactive.js'), (m) => m.interactiveCommand),
} satisfies Record<string, Command>;

export type CommandName = keyof typeof commands;
