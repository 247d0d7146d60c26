import { commandTable } from '../commands/command-table.js';
import type { Binding, CommandSpec, Scope } from '../commands/command-spec.js';
import type { AppState } from '../state/app-state.js';
import { isReading } from '../view/scroll-window.js';

/**
 * The scopes in force, most specific first: an open list, line or question alone; else the
 * reading keys while a panel is for reading, the mode's (tour), traffic mode's, the screen's,
 * then the keys that work everywhere (the terminal's keys last: the router checks them first).
 */
export function activeScopes(state: Pick<AppState, 'screen' | 'design' | 'overlay'> & Partial<Pick<AppState, 'scenario'>>): readonly Scope[] {
  if (state.overlay === 'composer') return ['composer'];
  if (state.overlay === 'command') return ['line'];
  if (state.overlay === 'confirm') return ['confirm'];
  // The compare screen stands in front of a kept design: that design's modes do not apply.
  if (state.screen === 'compare') return [...(state.overlay === 'help' ? ['reading' as const] : []), 'compare', 'everywhere', 'terminal'];
  const reading: Scope[] = isReading(state) ? ['reading'] : [];
  const design = state.design;
  if (state.screen === 'home' || !design) return [...reading, 'home', 'everywhere', 'terminal'];
  const screen: Scope[] = design.traffic ? ['traffic', 'design', 'everywhere', 'terminal'] : ['design', 'everywhere', 'terminal'];
  // A scenario's question, while unanswered, takes the digits (which otherwise open designs).
  const ask: Scope[] = state.scenario?.shown.ask && state.scenario.shown.ask.chosen === null ? ['ask'] : [];
  return [...ask, ...reading, ...(design.mode === 'tour' ? ['tour' as const] : []), ...screen];
}

/** A command with the binding that bound the key. */
export interface Bound {
  readonly command: CommandSpec;
  readonly binding: Binding;
}

/** Per scope, each key's command: built once from the table (a key bound twice in one scope is a test failure). */
const byScope = new Map<Scope, Map<string, Bound>>();
for (const command of commandTable) {
  for (const binding of command.keys ?? []) {
    const keys = byScope.get(binding.scope) ?? new Map<string, Bound>();
    for (const key of binding.keys) if (!keys.has(key)) keys.set(key, { command, binding });
    byScope.set(binding.scope, keys);
  }
}

/** The command a key runs, looking through the scopes in order (the most specific first). */
export function resolveKey(scopes: readonly Scope[], key: string): Bound | undefined {
  for (const scope of scopes) {
    const hit = byScope.get(scope)?.get(key);
    if (hit) return hit;
  }
  return undefined;
}

type ScopeRow = { readonly command: CommandSpec; readonly keys: readonly string[]; readonly footer: boolean };

/** Per scope, its rows: the table never changes, and the footer asks on every frame. */
const rowsByScope = new Map<Scope, readonly ScopeRow[]>();

/** The commands bound in a scope, each with its keys there, in table order (the same array every time). */
export function scopeRows(scope: Scope): readonly ScopeRow[] {
  let rows = rowsByScope.get(scope);
  if (rows === undefined) {
    rows = commandTable.flatMap((command) => {
      const bindings = (command.keys ?? []).filter((b) => b.scope === scope);
      return bindings.length === 0 ? [] : [{ command, keys: bindings.flatMap((b) => b.keys), footer: bindings.some((b) => b.footer === true) }];
    });
    rowsByScope.set(scope, rows);
  }
  return rows;
}
