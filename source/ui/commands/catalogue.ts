/**
 * Every command of the interactive app, as data. Key maps (`ui/keys/`) bind keys to these ids,
 * the command line (`:`) parses the ones that have a `syntax`, and the help overlay, the footer
 * hints and the README key table are all generated from this list, so they cannot drift apart.
 */
export type CommandGroup = 'app' | 'designs' | 'requests' | 'failures' | 'traffic' | 'views';

export interface CommandInfo {
  readonly id: CommandId;
  /** What it does, as the help overlay says it. */
  readonly title: string;
  readonly group: CommandGroup;
  /** One or two words for the footer. */
  readonly hint: string;
  /** The command-line form, when it can be typed after `:` (argument names in angle brackets). */
  readonly syntax?: string;
}

export const commandIds = [
  'help',
  'command-line',
  'quit',
  'redraw',
  'suspend',
  'escape',
  'open',
  'open-design',
  'move',
  'select-next',
  'select-prev',
  'send',
  'step',
  'back',
  'replay',
  'toggle',
  'fail',
  'heal',
  'heal-all',
  'hang',
  'maint',
  'advance',
  'promote',
  'goto',
  'reset',
  'scroll',
  'tour',
  'tour-next',
  'tour-prev',
  'spof',
  'panel',
  'config',
  'traffic',
  'pause',
  'qps',
  'qps-up',
  'qps-down',
  'mix',
  'speed',
  'faster',
  'slower',
  'deploy',
  'monitor',
  'log',
  'filter',
  'wire',
] as const;
export type CommandId = (typeof commandIds)[number];

/** The catalogue, in the order the help overlay lists it within each group. */
export const catalogue: readonly CommandInfo[] = [
  { id: 'help', title: 'Show every key here', group: 'app', hint: 'help', syntax: 'help' },
  { id: 'command-line', title: 'Type a command', group: 'app', hint: 'command' },
  { id: 'escape', title: 'One level back (keeps all)', group: 'app', hint: 'back' },
  { id: 'quit', title: 'Quit, terminal restored', group: 'app', hint: 'quit', syntax: 'quit' },
  { id: 'redraw', title: 'Redraw the whole screen', group: 'app', hint: 'redraw' },
  { id: 'suspend', title: 'Suspend (fg resumes)', group: 'app', hint: 'suspend' },
  { id: 'open', title: 'Open the highlighted one', group: 'designs', hint: 'open' },
  { id: 'open-design', title: 'Open design 0 to 4', group: 'designs', hint: 'design' },
  { id: 'goto', title: 'Open a design or a file', group: 'designs', hint: 'goto', syntax: 'goto <topology>' },
  { id: 'reset', title: 'Start this design afresh (asks)', group: 'designs', hint: 'reset', syntax: 'reset' },
  { id: 'scroll', title: 'Scroll the panel (its title says)', group: 'views', hint: 'scroll' },
  { id: 'move', title: 'Move the selection', group: 'failures', hint: 'select' },
  { id: 'select-next', title: 'Next component or host', group: 'failures', hint: 'next' },
  { id: 'select-prev', title: 'Previous component or host', group: 'failures', hint: 'previous' },
  { id: 'toggle', title: 'Take selection down / up', group: 'failures', hint: 'fail/heal' },
  { id: 'fail', title: 'Take a component/host down', group: 'failures', hint: 'fail', syntax: 'fail <id>' },
  { id: 'heal', title: 'Bring it (or all) back up', group: 'failures', hint: 'heal', syntax: 'heal <id>|all' },
  { id: 'heal-all', title: 'Bring everything back up', group: 'failures', hint: 'heal all' },
  { id: 'hang', title: 'Hang an app/DB (or restart it)', group: 'failures', hint: 'hang', syntax: 'hang <id>' },
  { id: 'maint', title: 'HAProxy: server maint / ready', group: 'failures', hint: 'maint', syntax: 'maint <lb> <server> on|off' },
  { id: 'promote', title: 'Promote replica to primary', group: 'failures', hint: 'promote', syntax: 'promote <id>' },
  { id: 'advance', title: 'Let time pass (key: 5 s)', group: 'failures', hint: '+5s', syntax: 'advance <duration>' },
  { id: 'traffic', title: 'Start / pause live traffic', group: 'traffic', hint: 'traffic', syntax: 'traffic on|off' },
  { id: 'pause', title: 'Pause / resume traffic', group: 'traffic', hint: 'pause/run' },
  { id: 'qps-up', title: 'More requests per second', group: 'traffic', hint: 'QPS up' },
  { id: 'qps-down', title: 'Fewer requests per second', group: 'traffic', hint: 'QPS down' },
  { id: 'qps', title: 'Set requests per second', group: 'traffic', hint: 'QPS', syntax: 'qps <n>' },
  { id: 'mix', title: 'Share of static:read:write', group: 'traffic', hint: 'mix', syntax: 'mix <s>:<r>:<w>' },
  { id: 'faster', title: 'Clock faster (1×, 10×, 100×)', group: 'traffic', hint: 'faster' },
  { id: 'slower', title: 'Clock slower, then pause', group: 'traffic', hint: 'slower' },
  { id: 'speed', title: 'Set the clock speed', group: 'traffic', hint: 'speed', syntax: 'speed pause|1x|10x|100x' },
  { id: 'deploy', title: 'Deploy new code (restarts)', group: 'traffic', hint: 'deploy', syntax: 'deploy' },
  { id: 'monitor', title: 'What monitoring sees', group: 'traffic', hint: 'monitor', syntax: 'monitor' },
  { id: 'log', title: 'Event log of the software', group: 'traffic', hint: 'log', syntax: 'log [filter]' },
  { id: 'filter', title: 'Filter the log', group: 'traffic', hint: 'filter' },
  { id: 'wire', title: 'What an observer on a hop reads', group: 'views', hint: 'wire', syntax: 'wire <from> <to>' },
  { id: 'send', title: 'Send a request', group: 'requests', hint: 'send', syntax: 'send <METHOD PATH|TCP ip:port>' },
  { id: 'step', title: 'Step the request one hop', group: 'requests', hint: 'step', syntax: 'step' },
  { id: 'back', title: 'Step back (undoes too)', group: 'requests', hint: 'back', syntax: 'back' },
  { id: 'replay', title: 'Replay from the first hop', group: 'requests', hint: 'replay' },
  { id: 'tour', title: 'Tour the design', group: 'views', hint: 'tour', syntax: 'tour' },
  { id: 'tour-next', title: 'Next slide', group: 'views', hint: 'next' },
  { id: 'tour-prev', title: 'Previous slide', group: 'views', hint: 'previous' },
  { id: 'spof', title: 'Single points of failure', group: 'views', hint: 'SPOFs', syntax: 'spof' },
  { id: 'config', title: 'Its real configuration', group: 'views', hint: 'config' },
  { id: 'panel', title: 'Trace or inspector panel', group: 'views', hint: 'inspector' },
];

const byId = new Map(catalogue.map((c) => [c.id, c]));

/** The catalogue entry of a command; every id in `commandIds` has one (checked by the tests). */
export function commandInfo(id: CommandId): CommandInfo {
  const info = byId.get(id);
  if (!info) throw new Error(`no catalogue entry for ${id}`);
  return info;
}

/** Commands that can be typed after `:`, by their first word. */
export function typedCommands(): readonly CommandInfo[] {
  return catalogue.filter((c) => c.syntax !== undefined);
}
