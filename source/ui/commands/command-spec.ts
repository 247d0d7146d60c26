import type { StateFormat } from '../../export/state-export.js';
import type { LayoutBox } from '../../layout/index.js';
import type { ViewCache } from '../app-context.js';
import type { Names } from '../../grammar/names.js';
import type { Action } from '../state/actions.js';
import type { AppState } from '../state/app-state.js';

/**
 * Where a key binding applies. The scopes in force are listed most specific first
 * (`activeScopes`), so a mode takes a key over from the screen and every screen falls back to
 * `everywhere`.
 */
export const scopes = ['terminal', 'everywhere', 'home', 'design', 'tour', 'traffic', 'reading', 'compare', 'composer', 'line', 'confirm'] as const;
export type Scope = (typeof scopes)[number];

/** How help and the README head each scope's keys. */
export const scopeTitles: Readonly<Record<Scope, string>> = {
  terminal: 'Always, even while typing',
  everywhere: 'Everywhere',
  home: 'Home screen',
  design: 'Design screen',
  tour: 'Tour mode',
  traffic: 'Traffic mode (T enters and leaves it)',
  reading: 'Reading (help, tour, SPOF, log, config)',
  compare: 'Compare screen (C opens it)',
  composer: 'Request list (s opens it)',
  line: 'Command line (: opens it)',
  confirm: 'A question (R asks one)',
};

/**
 * The help groups, in the order help and the README list each scope's keys and the `:`
 * commands: a command lands among its group's wherever it sits in the table.
 */
export const commandGroups = ['app', 'designs', 'requests', 'failures', 'traffic', 'views'] as const;
type CommandGroup = (typeof commandGroups)[number];

/** `commands` in help order: by group, in table order within one (the sort is stable). */
export function inHelpOrder<T extends { readonly group: CommandGroup }>(commands: readonly T[]): T[] {
  return [...commands].sort((a, b) => commandGroups.indexOf(a.group) - commandGroups.indexOf(b.group));
}

/**
 * What a command produces: an action for the reducer, or an effect: `load` (read a topology by
 * number, id or file, then open it), `terminal` (repaint the screen, suspend the process) or
 * `export` (write the design as it stands to a file; `file` null: a name made from the design's)
 * `compare` (read the built-in designs, then show the compare screen) or `compare-scenario`
 * (read the built-in scenarios, then play the one that shows the highlighted figure).
 */
export type Intent =
  | Action
  | { readonly type: 'load'; readonly topology: string }
  | { readonly type: 'terminal'; readonly do: 'redraw' | 'suspend' }
  | { readonly type: 'export'; readonly format: StateFormat; readonly file: string | null }
  | { readonly type: 'compare' }
  | { readonly type: 'compare-scenario' };

/** What a command reads when it runs: the state at that moment, the boxes as drawn, the key pressed. */
export interface CommandContext {
  readonly state: AppState;
  readonly boxes: readonly LayoutBox[];
  /** The canonical name of the key pressed (`left`, `3`); empty when typed after `:`. */
  readonly key: string;
  /** The open design's names (undefined on the home screen). */
  readonly names: Names | undefined;
  /** What the scrolling panels hold as drawn now. */
  readonly scroll: ViewCache['scroll'];
}

/**
 * Keys that run a command in one scope. `footer` puts the first key in that scope's footer
 * hints; `native` keys are handled by the widget that has the focus (the home list, the line
 * editor): listed in help and the README, never dispatched.
 */
export interface Binding {
  readonly scope: Scope;
  readonly keys: readonly string[];
  readonly footer?: boolean;
  readonly native?: boolean;
}

/** The `:` form of a command: its syntax and how its words become an intent. */
export interface TypedForm {
  /** As help shows it, argument names in angle brackets: `fail <id>`. */
  readonly form: string;
  /** The words after the command word → the intent; throws an InputError for a mistake. */
  readonly parse: (words: readonly string[], context: CommandContext) => Intent;
  /** Tab's candidates for argument `index` (0-based) given the words before it. */
  readonly complete?: (index: number, before: readonly string[], context: CommandContext) => readonly string[];
  /** The argument is the rest of the line, spaces included (`send GET /`): completed as one. */
  readonly rest?: boolean;
}

/**
 * One interactive command, everything about it in one entry: its keys on each screen, its `:`
 * form, its title and help group, and the action it produces. Help, the footer, Tab completion
 * and the README's key table are generated from the table of these.
 */
export interface CommandSpec {
  readonly id: string;
  /** What it does, as help says it (short: help flows into columns of 40). */
  readonly title: string;
  readonly group: CommandGroup;
  /** One or two words for the footer. */
  readonly hint: string;
  readonly keys?: readonly Binding[];
  /** What a key does (commands whose keys are all native have none). */
  readonly onKey?: (context: CommandContext) => Intent | undefined;
  readonly typed?: TypedForm;
  /** Refused with one line on the home screen. */
  readonly needsDesign?: boolean;
}
