import { parseDuration } from '../../grammar/duration.js';
import { InputError } from '../../grammar/input-error.js';
import { limits } from '../../grammar/limits.js';
import { parseName } from '../../grammar/names.js';
import { parseRequest } from '../../grammar/request.js';
import { verbs, type Verb, type VerbName } from '../../grammar/verbs.js';
import { compareRows, type TrafficInput } from '../../sim/index.js';
import { isStateFormat, stateFormats } from '../../export/state-export.js';
import { builtinIds } from '../../model/builtin-ids.js';
import { idPattern } from '../../model/limits.js';
import type { Direction } from '../state/selection.js';
import { scenarioRunning, type Message } from '../state/app-state.js';
import { playSpeedWords, trafficSpeedWords } from '../state/play.js';
import { scrolledSpot, scrollTarget } from '../view/scroll-window.js';
import type { CommandContext, CommandSpec, Intent, TypedForm } from './command-spec.js';
import { composerItems, requestPresets } from './composer-items.js';

/**
 * The `advance` key's step: HAProxy marks a stopped server down in two presses (3 refused checks,
 * 2 s apart) and a dead machine in three (each check waits out its 2 s time-out: 10–12 s).
 */
const ADVANCE_KEY_MS = 5_000;

const say = (text: string, level: Message['level'] = 'warn'): Intent => ({ type: 'message', message: { text, level } });
const bare = (form: string, intent: (c: CommandContext) => Intent): TypedForm => ({
  form,
  parse: (words, c) => {
    if (words.length > 0) throw new InputError(`${form} takes no argument`);
    return intent(c);
  },
});

/** Traffic commands work in traffic mode only: entering it is always explicit (T or `:traffic on`). */
const trafficOnly = (c: CommandContext, what: string): Intent | undefined =>
  c.state.design?.traffic ? undefined : say(`${what} works on live traffic: T (or :traffic on) enters traffic mode first`);

/** A `:` form that is one of the grammar's verbs, shared with scripted actions (`--at`). */
function verb(name: VerbName): TypedForm {
  const spec: Verb = verbs[name];
  return {
    form: spec.form,
    parse: (words, c) => {
      if (!c.names) throw new InputError(`open a design first (goto 1), then ${name}`);
      return inputIntent(spec.parse(words, c.names));
    },
    complete: (index, before, c) => (c.names ? spec.complete(index, before, c.names) : []),
  };
}

/** The action for an input the grammar produced: the engine's own, or traffic mode's settings. */
function inputIntent(input: TrafficInput): Intent {
  switch (input.type) {
    case 'qps':
      return { type: 'qps', qps: input.qps };
    case 'mix':
      return { type: 'mix', mix: input.mix };
    case 'deploy':
      return { type: 'deploy' };
    case 'tick-size':
      return say('the tick size is set by the clock speed');
    default:
      return { type: 'engine', input };
  }
}

/** Wraps a traffic verb so it is refused outside traffic mode. */
function inTraffic(form: TypedForm, what: string): TypedForm {
  return { ...form, parse: (words, c) => trafficOnly(c, what) ?? form.parse(words, c) };
}

/** A branch's name as typed (lowercase words and digits joined by hyphens, as ids are), or none. */
function optionalName(words: readonly string[], form: string): { name?: string } {
  if (words.length === 0) return {};
  const [name] = words;
  if (words.length > 1 || name === undefined || !idPattern.test(name) || name.length > 40) throw new InputError(`usage: ${form}, a name in lowercase letters, digits and hyphens`);
  return { name };
}

/** p: a scenario with steps left plays on its own (or stops); else traffic, else the request on screen. */
function playOrPause(c: CommandContext): Intent {
  if (scenarioRunning(c.state)) return { type: 'scenario-play' };
  return c.state.design?.traffic ? { type: 'traffic', to: 'toggle' } : { type: 'play', to: 'toggle' };
}

/** The selection's moves: arrows and vi's hjkl, named keys first (help lists them in this order). */
const directions: Readonly<Record<string, Direction>> = { left: 'left', down: 'down', up: 'up', right: 'right', h: 'left', j: 'down', k: 'up', l: 'right' };

/**
 * Every interactive command of the app. Adding one = an entry here, its reducer case, its test.
 * Order: the order help and the README list them in, within each scope.
 */
export const commandTable: readonly CommandSpec[] = [
  // Everywhere
  { id: 'help', title: 'Show every key here', group: 'app', hint: 'help', keys: [{ scope: 'everywhere', keys: ['?'], footer: true }], onKey: (c) => ({ type: 'overlay', overlay: c.state.overlay === 'help' ? 'none' : 'help' }), typed: bare('help', () => ({ type: 'overlay', overlay: 'help' })) },
  { id: 'command-line', title: 'Type a command', group: 'app', hint: 'command', keys: [{ scope: 'everywhere', keys: [':'], footer: true }], onKey: () => ({ type: 'overlay', overlay: 'command' }) },
  { id: 'open-design', title: 'Open design 0 to 4', group: 'designs', hint: 'design', keys: [{ scope: 'everywhere', keys: builtinIds.map((_, n) => String(n)) }], onKey: (c) => ({ type: 'load', topology: c.key }) },
  { id: 'escape', title: 'Close / leave mode / home', group: 'app', hint: 'back', keys: [{ scope: 'everywhere', keys: ['esc'] }, { scope: 'composer', keys: ['esc'] }, { scope: 'line', keys: ['esc'], native: true, footer: true }], onKey: () => ({ type: 'escape' }) },
  { id: 'quit', title: 'Quit, terminal restored', group: 'app', hint: 'quit', keys: [{ scope: 'everywhere', keys: ['q'], footer: true }, { scope: 'terminal', keys: ['ctrl-c'] }], onKey: () => ({ type: 'quit' }), typed: bare('quit', () => ({ type: 'quit' })) },
  { id: 'reset', title: 'Start this design afresh (asks)', group: 'designs', hint: 'reset', needsDesign: true, keys: [{ scope: 'design', keys: ['R'] }], onKey: () => ({ type: 'reset' }), typed: bare('reset', () => ({ type: 'reset' })) },
  { id: 'redraw', title: 'Redraw the whole screen', group: 'app', hint: 'redraw', keys: [{ scope: 'terminal', keys: ['ctrl-l'] }], onKey: () => ({ type: 'terminal', do: 'redraw' }) },
  { id: 'suspend', title: 'Suspend (fg resumes)', group: 'app', hint: 'suspend', keys: [{ scope: 'terminal', keys: ['ctrl-z'] }], onKey: () => ({ type: 'terminal', do: 'suspend' }) },
  { id: 'goto', title: 'Open a design or a file', group: 'designs', hint: 'goto', typed: { form: 'goto <topology>', rest: true, parse: (words) => {
        if (words.length === 0) throw new InputError('usage: goto <number, id or file>');
        return { type: 'load', topology: words.join(' ') };
      }, complete: () => [...builtinIds.map((_, n) => String(n)), ...builtinIds] } },
  { id: 'compare', title: 'Compare the designs side by side', group: 'designs', hint: 'compare', keys: [{ scope: 'home', keys: ['C'], footer: true }, { scope: 'design', keys: ['C'] }], onKey: () => ({ type: 'compare' }), typed: bare('compare', () => ({ type: 'compare' })) },
  // Home screen
  { id: 'highlight', title: 'Move the highlight', group: 'designs', hint: 'move', keys: [{ scope: 'home', keys: ['up', 'down', 'k', 'j'], native: true }] },
  { id: 'open', title: 'Open the highlighted one', group: 'designs', hint: 'open', keys: [{ scope: 'home', keys: ['enter'], footer: true }], onKey: (c) => ({ type: 'load', topology: String(c.state.highlighted) }) },
  // Design screen: requests
  { id: 'send', title: 'Send a request', group: 'requests', hint: 'send', needsDesign: true, keys: [{ scope: 'design', keys: ['s'], footer: true }], onKey: () => ({ type: 'overlay', overlay: 'composer' }), typed: { form: 'send <METHOD PATH|TCP ip:port>', rest: true, parse: (words) => (words.length === 0 ? { type: 'overlay', overlay: 'composer' } : { type: 'engine', input: { type: 'send', request: parseRequest(words.join(' ')) } }), complete: (_, __, c) => requestPresets(c.state.design?.topology) } },
  { id: 'step', title: 'Step: one hop (traffic: 1 s)', group: 'requests', hint: 'step', needsDesign: true, keys: [{ scope: 'design', keys: ['space', 'n'], footer: true }], onKey: () => ({ type: 'step' }), typed: bare('step', () => ({ type: 'step' })) },
  { id: 'back', title: 'Step back (undoes too)', group: 'requests', hint: 'back', needsDesign: true, keys: [{ scope: 'design', keys: ['b', 'backspace'], footer: true }], onKey: () => ({ type: 'back' }), typed: bare('back', () => ({ type: 'back' })) },
  { id: 'replay', title: 'Replay from the first hop', group: 'requests', hint: 'replay', needsDesign: true, keys: [{ scope: 'design', keys: ['r'] }], onKey: () => ({ type: 'replay' }) },
  { id: 'play', title: 'Play / pause (hops, traffic, demo)', group: 'requests', hint: 'play', needsDesign: true, keys: [{ scope: 'design', keys: ['p'], footer: true }, { scope: 'traffic', keys: ['p'], footer: true }], onKey: playOrPause, typed: bare('play', playOrPause) },
  { id: 'faster', title: 'Faster: play or clock', group: 'requests', hint: 'faster', needsDesign: true, keys: [{ scope: 'design', keys: ['>', '.'] }, { scope: 'traffic', keys: ['>', '.'], footer: true }], onKey: (c) => (c.state.design?.traffic ? { type: 'speed-step', delta: 1 } : { type: 'play-speed', delta: 1 }) },
  { id: 'slower', title: 'Slower: play or clock', group: 'requests', hint: 'slower', needsDesign: true, keys: [{ scope: 'design', keys: ['<', ','] }, { scope: 'traffic', keys: ['<', ','] }], onKey: (c) => (c.state.design?.traffic ? { type: 'speed-step', delta: -1 } : { type: 'play-speed', delta: -1 }) },
  {
    id: 'speed', title: 'Play 0.25x-4x / clock 1x-100x', group: 'requests', hint: 'speed', needsDesign: true,
    typed: {
      form: 'speed <speed>',
      parse: (words, c) => {
        const traffic = Boolean(c.state.design?.traffic);
        const table: Readonly<Record<string, number>> = traffic ? trafficSpeedWords : playSpeedWords;
        const speed = words.length === 1 ? table[(words[0] ?? '').toLowerCase()] : undefined;
        if (speed === undefined) throw new InputError(`usage: speed ${Object.keys(table).join('|')}${traffic ? ' (the traffic clock)' : ' (playing a request)'}`);
        return traffic ? { type: 'speed', speed: speed as never } : { type: 'play-speed', to: speed as never };
      },
      complete: (_, __, c) => Object.keys(c.state.design?.traffic ? trafficSpeedWords : playSpeedWords),
    },
  },
  // A scenario (infra-tui play): N and B move through its steps, whatever is open (a recording
  // passes through the request list and the command line); p (play) plays it on its own
  { id: 'scenario-next', title: 'Scenario: its next step', group: 'requests', hint: 'next step', keys: [{ scope: 'scenario', keys: ['N'] }], onKey: () => ({ type: 'scenario-step', to: 'next' }) },
  { id: 'scenario-back', title: 'Scenario: back before a step', group: 'requests', hint: 'step back', keys: [{ scope: 'scenario', keys: ['B'] }], onKey: () => ({ type: 'scenario-step', to: 'back' }) },
  {
    id: 'answer-question', title: "Answer the scenario's question", group: 'requests', hint: 'answer', needsDesign: true, keys: [{ scope: 'ask', keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], footer: true }],
    onKey: (c) => ({ type: 'answer', choice: Number(c.key) - 1 }),
    typed: { form: 'answer <n>', parse: (words) => {
        if (words.length !== 1 || !/^[1-9]$/.test(words[0] ?? '')) throw new InputError('usage: answer <the number of a choice, 1-9>');
        return { type: 'answer', choice: Number(words[0]) - 1 };
      } },
  },
  // Design screen: the selection and failures
  { id: 'move', title: 'Move the selection', group: 'failures', hint: 'select', needsDesign: true, keys: [{ scope: 'design', keys: Object.keys(directions) }], onKey: (c) => { const direction = directions[c.key]; return direction && { type: 'move-selection', direction, boxes: c.boxes }; } },
  { id: 'select-next', title: 'Next component or host', group: 'failures', hint: 'next', needsDesign: true, keys: [{ scope: 'design', keys: ['tab'] }], onKey: () => ({ type: 'cycle-selection', delta: 1 }) },
  { id: 'select-prev', title: 'Previous component or host', group: 'failures', hint: 'previous', needsDesign: true, keys: [{ scope: 'design', keys: ['shift-tab'] }], onKey: () => ({ type: 'cycle-selection', delta: -1 }) },
  { id: 'toggle', title: 'Act on the selection: down / up', group: 'failures', hint: 'fail/heal', needsDesign: true, keys: [{ scope: 'design', keys: ['enter', 'f'], footer: true }, { scope: 'traffic', keys: ['enter', 'f'], footer: true }], onKey: () => ({ type: 'toggle-selected' }) },
  { id: 'fail', title: 'Take a component/host down', group: 'failures', hint: 'fail', needsDesign: true, typed: verb('fail') },
  { id: 'heal', title: 'Bring it (or all) back up', group: 'failures', hint: 'heal', needsDesign: true, typed: verb('heal') },
  { id: 'heal-all', title: 'Bring everything back up', group: 'failures', hint: 'heal all', needsDesign: true, keys: [{ scope: 'design', keys: ['u'] }], onKey: () => ({ type: 'engine', input: { type: 'heal-all' } }) },
  { id: 'hang', title: 'Hang an app/DB (or restart it)', group: 'failures', hint: 'hang', needsDesign: true, keys: [{ scope: 'design', keys: ['H'] }], onKey: () => ({ type: 'toggle-hang' }), typed: verb('hang') },
  { id: 'maint', title: 'HAProxy: server maint / ready', group: 'failures', hint: 'maint', needsDesign: true, typed: verb('maint') },
  { id: 'promote', title: 'Promote replica to primary', group: 'failures', hint: 'promote', needsDesign: true, keys: [{ scope: 'design', keys: ['P'] }], onKey: () => ({ type: 'promote' }), typed: verb('promote') },
  {
    id: 'advance', title: 'Let time pass (key: 5 s)', group: 'failures', hint: '+5s', needsDesign: true, keys: [{ scope: 'design', keys: ['+', '=', ']'], footer: true }],
    onKey: () => ({ type: 'engine', input: { type: 'advance', ms: ADVANCE_KEY_MS } }),
    typed: { form: 'advance <duration>', parse: (words) => ({ type: 'engine', input: { type: 'advance', ms: parseDuration(words.length === 1 ? (words[0] ?? '') : words.join(' '), { min: 1, max: limits.advanceMs }) } }) },
  },
  // Traffic
  { id: 'traffic', title: 'Enter / leave traffic mode', group: 'traffic', hint: 'traffic', needsDesign: true, keys: [{ scope: 'design', keys: ['T'], footer: true }], onKey: (c) => ({ type: 'traffic', to: c.state.design?.traffic ? 'leave' : 'on' }), typed: { form: 'traffic on|off', parse: (words) => {
        if (words.length !== 1 || (words[0] !== 'on' && words[0] !== 'off')) throw new InputError('usage: traffic on|off');
        return { type: 'traffic', to: words[0] === 'on' ? 'on' : 'leave' };
      }, complete: () => ['on', 'off'] } },
  { id: 'qps-up', title: 'More requests per second', group: 'traffic', hint: 'QPS up', needsDesign: true, keys: [{ scope: 'traffic', keys: ['+', '='], footer: true }], onKey: () => ({ type: 'qps-step', delta: 1 }) },
  { id: 'qps-down', title: 'Fewer requests per second', group: 'traffic', hint: 'QPS down', needsDesign: true, keys: [{ scope: 'traffic', keys: ['-', '_'] }], onKey: () => ({ type: 'qps-step', delta: -1 }) },
  { id: 'qps', title: 'Set requests per second', group: 'traffic', hint: 'QPS', needsDesign: true, typed: inTraffic(verb('qps'), 'qps') },
  { id: 'mix', title: 'Share of static:read:write', group: 'traffic', hint: 'mix', needsDesign: true, typed: inTraffic(verb('mix'), 'mix') },
  { id: 'deploy', title: 'Deploy new code (restarts)', group: 'traffic', hint: 'deploy', needsDesign: true, keys: [{ scope: 'design', keys: ['d'] }, { scope: 'traffic', keys: ['d'], footer: true }], onKey: (c) => trafficOnly(c, 'deploy (d)') ?? { type: 'deploy' }, typed: inTraffic(verb('deploy'), 'deploy') },
  { id: 'monitor', title: 'What monitoring sees', group: 'traffic', hint: 'monitor', needsDesign: true, keys: [{ scope: 'design', keys: ['m'] }, { scope: 'traffic', keys: ['m'], footer: true }], onKey: (c) => trafficOnly(c, 'monitoring (m)') ?? { type: 'view', view: 'monitor' }, typed: inTraffic(bare('monitor', () => ({ type: 'view', view: 'monitor' })), 'monitoring') },
  { id: 'log', title: 'Event log of the software', group: 'traffic', hint: 'log', needsDesign: true, keys: [{ scope: 'design', keys: ['e'] }, { scope: 'traffic', keys: ['e'], footer: true }], onKey: (c) => trafficOnly(c, 'the event log (e)') ?? { type: 'view', view: 'log' }, typed: inTraffic({ form: 'log [filter]', rest: true, parse: (words) => ({ type: 'log-filter', filter: words.join(' ') }) }, 'the event log') },
  { id: 'filter', title: 'Filter the log', group: 'traffic', hint: 'filter', needsDesign: true, keys: [{ scope: 'traffic', keys: ['/'] }], onKey: () => ({ type: 'overlay', overlay: 'command', draft: 'log ' }) },
  // Views
  {
    id: 'wire', title: 'What an observer on a hop reads', group: 'views', hint: 'wire', needsDesign: true, keys: [{ scope: 'design', keys: ['w'] }], onKey: () => ({ type: 'overlay', overlay: 'command', draft: 'wire ' }),
    typed: {
      form: 'wire <from> <to>',
      parse: (words, c) => {
        if (words.length !== 2 || !c.names) throw new InputError('usage: wire <from> <to>, two ids next to each other on the path (Tab completes)');
        return { type: 'wire', from: parseName(words[0], c.names, 'ids'), to: parseName(words[1], c.names, 'ids') };
      },
      complete: (index, _, c) => (index < 2 ? (c.names?.ids ?? []) : []),
    },
  },
  { id: 'branch', title: 'What if: branch from here', group: 'views', hint: 'branch', needsDesign: true, typed: { form: 'branch [name]', parse: (words) => ({ type: 'branch', ...optionalName(words, 'branch [name]') }) } },
  { id: 'switch', title: 'Switch to another branch', group: 'views', hint: 'switch', needsDesign: true, typed: { form: 'switch [name]', parse: (words) => ({ type: 'switch', ...optionalName(words, 'switch [name]') }), complete: (index, _, c) => (index === 0 ? (c.state.design?.branches.map((b) => b.name) ?? []) : []) } },
  { id: 'branches', title: 'Compare the branches', group: 'views', hint: 'branches', needsDesign: true, typed: bare('branches', () => ({ type: 'view', view: 'branches' })) },
  { id: 'tour', title: 'Tour the design', group: 'views', hint: 'tour', needsDesign: true, keys: [{ scope: 'design', keys: ['t'] }], onKey: () => ({ type: 'tour', to: 'toggle' }), typed: bare('tour', () => ({ type: 'tour', to: 'toggle' })) },
  { id: 'tour-next', title: 'Next slide', group: 'views', hint: 'next slide', needsDesign: true, keys: [{ scope: 'tour', keys: ['right', 'n', 'l'], footer: true }], onKey: () => ({ type: 'tour', to: 'next' }) },
  { id: 'tour-prev', title: 'Previous slide', group: 'views', hint: 'previous', needsDesign: true, keys: [{ scope: 'tour', keys: ['left', 'b', 'h'], footer: true }], onKey: () => ({ type: 'tour', to: 'prev' }) },
  { id: 'spof', title: 'Single points of failure', group: 'views', hint: 'SPOFs', needsDesign: true, keys: [{ scope: 'design', keys: ['x'] }], onKey: () => ({ type: 'toggle-spof' }), typed: bare('spof', () => ({ type: 'toggle-spof' })) },
  { id: 'panel', title: 'Trace or inspector panel', group: 'views', hint: 'inspector', needsDesign: true, keys: [{ scope: 'design', keys: ['i'] }], onKey: () => ({ type: 'toggle-panel' }) },
  { id: 'groups', title: 'Big design: groups / every box', group: 'views', hint: 'groups', needsDesign: true, keys: [{ scope: 'design', keys: ['g'] }, { scope: 'traffic', keys: ['g'] }], onKey: () => ({ type: 'toggle-groups' }), typed: bare('groups', () => ({ type: 'toggle-groups' })) },
  { id: 'config', title: 'Its real configuration', group: 'views', hint: 'config', needsDesign: true, keys: [{ scope: 'design', keys: ['c'] }], onKey: () => ({ type: 'toggle-config' }) },
  {
    id: 'export', title: 'Save the diagram as it stands', group: 'views', hint: 'export', needsDesign: true, keys: [{ scope: 'design', keys: ['E'] }], onKey: () => ({ type: 'overlay', overlay: 'command', draft: 'export ' }),
    typed: {
      form: `export ${Object.keys(stateFormats).join('|')} [file]`,
      parse: (words) => {
        const [format, ...file] = words;
        if (format === undefined || !isStateFormat(format)) throw new InputError(`usage: export ${Object.keys(stateFormats).join('|')} [file]`);
        return { type: 'export', format, file: file.length > 0 ? file.join(' ') : null };
      },
      complete: (index) => (index === 0 ? Object.keys(stateFormats) : []),
    },
  },
  // The compare screen
  { id: 'compare-move', title: 'Move between figures and designs', group: 'designs', hint: 'move', keys: [{ scope: 'compare', keys: Object.keys(directions), footer: true }], onKey: (c) => compareMove(c) },
  { id: 'compare-open', title: 'Open the highlighted design', group: 'designs', hint: 'open', keys: [{ scope: 'compare', keys: ['enter'], footer: true }], onKey: (c) => {
        const topology = c.state.compare?.designs[c.state.compare.column];
        return topology && { type: 'open-design', topology };
      } },
  { id: 'compare-play', title: 'Play the scenario that shows it', group: 'designs', hint: 'scenario', keys: [{ scope: 'compare', keys: ['p'], footer: true }], onKey: () => ({ type: 'compare-scenario' }) },
  // Reading panels
  { id: 'scroll', title: 'Scroll the panel (its title says)', group: 'views', hint: 'scroll', keys: [{ scope: 'reading', keys: ['up', 'down', 'k', 'j'] }, { scope: 'everywhere', keys: ['pageup', 'pagedown'] }], onKey: (c) => scroll(c) },
  // The request list
  { id: 'pick-move', title: 'Move the highlight', group: 'requests', hint: 'move', keys: [{ scope: 'composer', keys: ['up', 'k', 'down', 'j'] }], onKey: (c) => ({ type: 'composer-move', delta: c.key === 'up' || c.key === 'k' ? -1 : 1, count: c.state.design ? composerItems(c.state.design.topology).length : 1 }) },
  { id: 'pick', title: 'Send it (or type your own)', group: 'requests', hint: 'send', keys: [{ scope: 'composer', keys: ['enter', '1', '2', '3', '4', '5', '6', '7', '8', '9'], footer: true }], onKey: (c) => pick(c) },
  // The command line (its editor handles these keys itself)
  { id: 'line-submit', title: 'Run the command', group: 'app', hint: 'run', keys: [{ scope: 'line', keys: ['enter'], native: true, footer: true }] },
  { id: 'line-complete', title: 'Complete the command or id', group: 'app', hint: 'complete', keys: [{ scope: 'line', keys: ['tab'], native: true, footer: true }] },
  { id: 'line-history', title: 'Earlier / later commands', group: 'app', hint: 'history', keys: [{ scope: 'line', keys: ['up', 'down'], native: true, footer: true }] },
  // A question (its keys are answered by the router: any key but y is no)
  { id: 'answer', title: 'Yes (any other key: no)', group: 'app', hint: 'yes', keys: [{ scope: 'confirm', keys: ['y'], native: true }] },
];

/** The compare screen's arrows: up and down go through the figures, left and right through the designs. */
function compareMove(c: CommandContext): Intent | undefined {
  const direction = directions[c.key];
  if (!direction) return undefined;
  const [row, column] = direction === 'up' ? [-1, 0] : direction === 'down' ? [1, 0] : direction === 'left' ? [0, -1] : [0, 1];
  return { type: 'compare-move', row, column, rows: compareRows([]).length };
}

/** The scroll keys: the target panel's window moved a line or a page (a page keeps one row of context). */
function scroll(c: CommandContext): Intent | undefined {
  const target = scrollTarget(c.state);
  const metrics = c.scroll?.[target];
  if (!metrics || metrics.total <= metrics.room) return undefined;
  const delta = c.key === 'up' || c.key === 'k' || c.key === 'pageup' ? -1 : 1;
  const rows = c.key.startsWith('page') ? delta * Math.max(1, metrics.room - 1) : delta;
  return { type: 'scroll', target, spot: scrolledSpot(metrics, c.state.scroll[target], rows) };
}

/** The request list's choice: the highlighted entry (Enter) or the one numbered by the key. */
function pick(c: CommandContext): Intent | undefined {
  const items = c.state.design ? composerItems(c.state.design.topology) : [];
  const item = items[/^[1-9]$/.test(c.key) ? Number(c.key) - 1 : c.state.composer];
  if (!item) return undefined;
  if (item.request === null) return { type: 'overlay', overlay: 'command', draft: 'send ' };
  return { type: 'engine', input: { type: 'send', request: parseRequest(item.request) } };
}
